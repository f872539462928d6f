// The deliberate page plan: full, empty, short, then full pages; nextLink absolute with $skipToken.
import { describe, expect, it } from 'vitest';

import { pageOf } from './paging.js';

const base = 'https://localhost:1234';

function walk(count: number, pageSize: number): { sizes: number[]; links: string[] } {
  const items = Array.from({ length: count }, (_, i) => i);
  const sizes: number[] = [];
  const links: string[] = [];
  let url = new URL('/subscriptions/s/providers/Microsoft.Compute/virtualMachines?api-version=1&statusOnly=true', base);
  for (;;) {
    const page = pageOf(items, url, base, pageSize);
    if (page === undefined) throw new Error('skip token refused');
    sizes.push(page.value.length);
    if (page.nextLink === undefined) return { sizes, links };
    links.push(page.nextLink);
    url = new URL(page.nextLink);
  }
}

describe('paging plan', () => {
  it('answers a list of at most pageSize in one page without nextLink', () => {
    expect(walk(0, 5).sizes).toEqual([0]);
    expect(walk(5, 5).sizes).toEqual([5]);
  });

  it('puts an empty page with a nextLink second and a short page third', () => {
    expect(walk(6, 5).sizes).toEqual([5, 0, 1]);
    expect(walk(23, 5).sizes).toEqual([5, 0, 3, 5, 5, 5]);
    expect(walk(1000, 100).sizes.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('keeps the query and writes $skipToken literally in an absolute nextLink', () => {
    const [first] = walk(23, 5).links;
    expect(first).toMatch(
      /^https:\/\/localhost:1234\/subscriptions\/s\/providers\/Microsoft\.Compute\/virtualMachines\?api-version=1&statusOnly=true&\$skipToken=[\w-]+$/,
    );
  });

  it('refuses a skip token it did not issue', () => {
    expect(pageOf([1, 2], new URL('/x?$skipToken=nonsense', base), base, 1)).toBeUndefined();
  });
});
