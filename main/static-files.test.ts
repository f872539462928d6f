import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentTypeOf, resolveAsset } from './static-files.js';

const root = resolve('/srv/renderer');

describe('resolveAsset', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['//assets//x.css', 'assets/x.css'],
  ])('maps %s inside the root', (path, expected) => {
    expect(resolveAsset(root, path)).toBe(join(root, expected));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd',
    '/assets/..%5c..%5cwindows',
    '/a%00.html',
    '/%E0%A4%A',
    '/..',
  ])('refuses %s', (path) => {
    expect(resolveAsset(root, path)).toBeUndefined();
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from our origin and nothing remote', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets the preview connect only to its own socket', () => {
    expect(contentSecurityPolicy(['ws://127.0.0.1:5174'])).toContain('connect-src ws://127.0.0.1:5174;');
  });
});

describe('contentTypeOf', () => {
  it('knows the renderer file types and falls back to octet-stream', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/blob')).toBe('application/octet-stream');
  });
});
