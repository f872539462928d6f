// Focuses the element another view sent the user to (`go(view, focusId)` in the navigation store), once the view
// shows it, and marks the request done. One hook for every view that can be sent to, so they all move focus and
// scroll the same way.
import { useEffect } from 'react';
import { useNavigationStore } from '../stores/navigation-store';

/**
 * Once `shown` is truthy, focuses the requested element and scrolls it to the middle. `shown` is also what the
 * look-up waits on: each new value looks again. When the element is not there, `missing` decides: `'wait'` keeps
 * the request for the next `shown` (rows still arriving), `'drop'` gives it up, and an id focuses that element
 * instead (e.g. the page heading, when what was asked for is gone).
 */
export function useFocusRequest(shown: unknown, missing: 'wait' | 'drop' | { fallbackId: string }): void {
  const focusId = useNavigationStore((state) => state.focusId);
  const focused = useNavigationStore((state) => state.focused);
  const fallbackId = typeof missing === 'object' ? missing.fallbackId : undefined;
  const wait = missing === 'wait';
  useEffect(() => {
    if (!focusId || !shown) return;
    const target = document.getElementById(focusId) ?? (fallbackId ? document.getElementById(fallbackId) : null);
    if (!target && wait) return;
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
    focused();
  }, [focusId, shown, focused, fallbackId, wait]);
}
