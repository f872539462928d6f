import { describe, expect, it } from 'vitest';
import { sameData } from './same-data.js';

describe('sameData', () => {
  it('is true for the same data built twice, whatever the property order', () => {
    const a = { name: 'vm1', tags: { env: 'prod', team: 'x' }, zones: ['1', '2'], size: 3, on: true, gone: null };
    const b = { gone: null, on: true, size: 3, zones: ['1', '2'], tags: { team: 'x', env: 'prod' }, name: 'vm1' };
    expect(sameData(a, b)).toBe(true);
  });

  it('treats a property holding undefined as absent, as JSON does', () => {
    expect(sameData({ name: 'vm1', size: undefined }, { name: 'vm1' })).toBe(true);
    expect(sameData({ name: 'vm1' }, { name: 'vm1', size: undefined })).toBe(true);
  });

  it('sees a changed, added or removed value at any depth', () => {
    const base = { name: 'vm1', tags: { env: 'prod' }, zones: ['1'] };
    expect(sameData(base, { ...base, name: 'vm2' })).toBe(false);
    expect(sameData(base, { ...base, tags: { env: 'dev' } })).toBe(false);
    expect(sameData(base, { ...base, tags: { env: 'prod', team: 'x' } })).toBe(false);
    expect(sameData(base, { name: 'vm1', tags: { env: 'prod' } })).toBe(false);
    expect(sameData(base, { ...base, zones: ['1', '2'] })).toBe(false);
    expect(sameData(base, { ...base, zones: ['2'] })).toBe(false);
  });

  it('does not confuse arrays with objects, or numbers with their strings', () => {
    expect(sameData(['a'], { 0: 'a' })).toBe(false);
    expect(sameData({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameData({ n: 1 }, { n: '1' })).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });

  it('never takes a Date, Map or class instance for the same data (JSON would tell them apart or drop them)', () => {
    expect(sameData({ at: new Date(1) }, { at: new Date(2) })).toBe(false);
    expect(sameData({ ids: new Map([['a', 1]]) }, { ids: new Map([['b', 2]]) })).toBe(false);
    expect(sameData({ at: {} }, { at: Object.create(null) as object })).toBe(true);
  });
});
