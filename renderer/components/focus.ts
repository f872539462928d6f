// Where the keyboard is, for views that move focus after an action: only when the element that had it is gone
// (removed, or focus fell back to the page) do they move it, so they never pull focus away from the user.
export function focusLost(): boolean {
  const focused = document.activeElement;
  return !focused || focused === document.body || !focused.isConnected;
}
