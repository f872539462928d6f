// The Activity view's rows kept current without re-reading the log: a page from `activity.list` (newest first,
// with the number of the last change it includes), then each `activity` event applied in order: new entries
// that pass the view's filter go on top, a clear empties it, and a gap in the numbers asks for a fresh page.
// Events that arrive before the page are held and applied after it. Pure functions: no React, no bridge.
import {
  matchesActivityFilter,
  type ActivityChange,
  type ActivityEntry,
  type ActivityFilter,
  type ActivityPage,
} from '../../../preload/contract-operations';

/** As many rows as main's log keeps. */
export const feedLimit = 5000;

export interface ActivityFeed {
  /** The last change applied; undefined until the first page arrived. */
  seq: number | undefined;
  entries: ActivityEntry[];
  /** Changes that arrived before the page. */
  held: ActivityChange[];
}

export const emptyFeed: ActivityFeed = { seq: undefined, entries: [], held: [] };

/** Applies one change; answers 'reload' when one was missed (list again). */
export function applyChange(
  feed: ActivityFeed,
  change: ActivityChange,
  filter: ActivityFilter,
  limit = feedLimit,
): ActivityFeed | 'reload' {
  if (feed.seq === undefined) return { ...feed, held: [...feed.held, change] };
  if (change.seq <= feed.seq) return feed;
  if (change.seq !== feed.seq + 1) return 'reload';
  const base = change.cleared ? [] : feed.entries;
  const known = new Set(base.map((e) => e.id));
  const added = change.appended.filter((e) => !known.has(e.id) && matchesActivityFilter(e, filter)).reverse();
  const entries = added.length === 0 && !change.cleared ? base : [...added, ...base].slice(0, limit);
  return { ...feed, seq: change.seq, entries };
}

/** Takes a fresh page and applies the changes held while it was on its way. */
export function takePage(
  feed: ActivityFeed,
  page: ActivityPage,
  filter: ActivityFilter,
  limit = feedLimit,
): ActivityFeed | 'reload' {
  let next: ActivityFeed | 'reload' = { seq: page.seq, entries: page.entries.slice(0, limit), held: [] };
  for (const change of feed.held) {
    if (next === 'reload') break;
    next = applyChange(next, change, filter, limit);
  }
  return next;
}
