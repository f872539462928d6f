// How old something is, in words a person reads at a glance ("3 h ago"), and the clock time it happened ("10:42",
// or with the date when it was not today). Shown wherever the UI states something it cannot confirm right now.
export function formatAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

// Formatters are built once: `toLocaleTimeString` with options builds one per call, which a 200-subscription list
// re-rendered per sweep patch felt.
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

export function formatClock(iso: string, now: number): string {
  const date = new Date(iso);
  const time = clockFormat.format(date);
  if (date.toDateString() === new Date(now).toDateString()) return time;
  return `${dayFormat.format(date)} ${time}`;
}

/** "10:42, 3 h ago" */
export function formatAsOf(iso: string, now: number): string {
  return `${formatClock(iso, now)}, ${formatAge(iso, now)}`;
}
