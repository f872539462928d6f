import { describe, expect, it } from 'vitest';
import { RecordingOpener } from '../testing/fakes.js';
import { restrictOpener } from './restricted-opener.js';

describe('restrictOpener', () => {
  const inner = new RecordingOpener();
  const opener = restrictOpener(inner, () => ['login.microsoftonline.com', 'localhost:8443']);

  it('opens https URLs on allowed hosts (port included)', async () => {
    await opener.open('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?x=1');
    await opener.open('https://localhost:8443/common');
    expect(inner.opened).toHaveLength(2);
  });

  it.each([
    ['plain http', 'http://login.microsoftonline.com/', 'forbidden'],
    ['another host', 'https://evil.example/', 'forbidden'],
    ['the right host on another port', 'https://localhost:9999/', 'forbidden'],
    ['a file URL', 'file:///etc/passwd', 'forbidden'],
    ['javascript', 'javascript:alert(1)', 'forbidden'],
    ['garbage', 'not a url', 'invalid_input'],
  ])('refuses %s', async (_name, url, code) => {
    const before = inner.opened.length;
    await expect(opener.open(url)).rejects.toMatchObject({ code });
    expect(inner.opened).toHaveLength(before);
  });
});
