// How old a state is, in words: "as of 10:42" for one confirmed in this run, "as of 28 Nov, 10:42 · not checked
// since" for one remembered from an earlier run, "· checking…" while main re-checks it. A state the app has not
// confirmed must never read like one it has. Pure: the clock and the locale are arguments.
import type { CloudConnectivity } from '../../../preload/contract';

export interface Freshness {
  /** ISO time the state was last confirmed by Entra ID / ARM; absent: never. */
  checkedAt?: string | undefined;
  /** Confirmed in this run (tenants); accounts leave it out. */
  confirmed?: boolean;
  checking: boolean;
}

export interface ClockOptions {
  now: number;
  /** BCP 47 locale; the user's by default. */
  locale?: string;
  /** IANA time zone; the system's by default. */
  timeZone?: string;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one; a list of tenants formats on every
// render (several times a second while a sweep's events arrive), so each locale, zone and shape is built once.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, options]);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

function dayKey(time: number, timeZone: string | undefined): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(time);
}

/** "10:42" today, "28 Nov, 10:42" on another day (in the locale's own order and clock). */
export function formatCheckedTime(iso: string, { now, locale, timeZone }: ClockOptions): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return 'an unknown time';
  const clock: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone };
  if (dayKey(time, timeZone) === dayKey(now, timeZone)) return formatter(locale, clock).format(time);
  return formatter(locale, { ...clock, day: 'numeric', month: 'short' }).format(time);
}

/** The words beside a state: when it was last confirmed, and whether that is now being re-checked. */
export function describeFreshness(state: Freshness, clock: ClockOptions): string {
  const when = state.checkedAt ? `as of ${formatCheckedTime(state.checkedAt, clock)}` : 'not checked yet';
  if (state.checking) return `${when} · checking…`;
  if (state.confirmed === false && state.checkedAt) return `${when} · not checked since`;
  return when;
}

/** Why an action on a cloud may fail: main could not reach it. Says when, and when main tries again. */
export function describeUnreachable(cloudName: string, cloud: CloudConnectivity, clock: ClockOptions): string {
  const when = cloud.checkedAt ? ` at ${formatCheckedTime(cloud.checkedAt, clock)}` : '';
  const next = cloud.nextCheckAt ? ` Cloud Desk tries again at ${formatCheckedTime(cloud.nextCheckAt, clock)}.` : '';
  return `Cloud Desk could not reach ${cloudName}${when}; signing in may fail until it is reachable.${next}`;
}
