import { describe, expect, it } from 'vitest';
import { PageVisibility } from './page-visibility.js';

describe('PageVisibility', () => {
  it('is visible while at least one page is, and hidden when the last visible page hides or closes', () => {
    const heard: boolean[] = [];
    const visibility = new PageVisibility((visible) => heard.push(visible));
    const first = {};
    const second = {};
    expect(visibility.visible).toBe(false);

    visibility.report(first, true);
    visibility.report(second, false);
    expect(visibility.visible).toBe(true);
    visibility.report(first, false);
    expect(visibility.visible).toBe(false);
    visibility.report(second, true);
    visibility.closed(second);
    expect(visibility.visible).toBe(false);

    // Only changes are heard: visible, hidden, visible, hidden.
    expect(heard).toEqual([true, false, true, false]);
  });
});
