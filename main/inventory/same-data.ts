// Whether two JSON-like values (plain objects, arrays, strings, numbers, booleans, null) carry the same data, as
// their JSON would: a property holding undefined counts as absent, and property order does not matter. The
// inventory compares every listed VM with the row it holds this way, instead of serializing both: no strings are
// built, so a 10,000-VM sweep allocates nothing to learn which rows changed. Anything else (a Date, a Map) never
// counts as the same, so a row carrying one is always sent rather than silently kept. No Electron imports.
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !plain(a) || !plain(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    const value = left[key];
    if (value === undefined) continue;
    count += 1;
    if (!sameData(value, right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) count -= 1;
  return count === 0;
}

function plain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
