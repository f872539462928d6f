import { describe, expect, it } from 'vitest';
import { RecordingOpener } from '../testing/fakes.js';
import { restrictOpener, signInOpener } from './restricted-opener.js';

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

describe('signInOpener', () => {
  const clientId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
  const authorize = (
    overrides: Record<string, string | null> = {},
    base = 'https://login.contoso.local/organizations/oauth2/v2.0/authorize',
  ) => {
    const url = new URL(base);
    const params: Record<string, string | null> = {
      client_id: clientId,
      response_type: 'code',
      redirect_uri: 'http://localhost:51234/',
      code_challenge: 'abc123',
      code_challenge_method: 'S256',
      state: 'xyz',
      ...overrides,
    };
    for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
    return url.toString();
  };
  const flow = { authorityHost: 'https://login.contoso.local', clientId };

  it('opens the authorization request MSAL builds for the flow, then only that same page again', async () => {
    const inner = new RecordingOpener();
    const opener = signInOpener(inner, flow);
    await opener.open(authorize());
    expect(inner.opened).toEqual([authorize()]);
    await expect(opener.open(authorize({ state: 'another' }))).rejects.toMatchObject({ code: 'forbidden' });
    expect(inner.opened).toHaveLength(1);
    await opener.open(authorize());
    expect(inner.opened).toEqual([authorize(), authorize()]);
  });

  it('accepts an AD FS authorize path', async () => {
    const inner = new RecordingOpener();
    await signInOpener(inner, flow).open(authorize({}, 'https://login.contoso.local/adfs/oauth2/authorize'));
    expect(inner.opened).toHaveLength(1);
  });

  it.each([
    ['any page on the authority host', 'https://login.contoso.local/phish'],
    ['another host', authorize({}, 'https://evil.example/organizations/oauth2/v2.0/authorize')],
    ['another client id', authorize({ client_id: '11111111-1111-1111-1111-111111111111' })],
    ['an implicit-flow request', authorize({ response_type: 'token' })],
    ['no PKCE', authorize({ code_challenge: null })],
    ['a plain PKCE challenge', authorize({ code_challenge_method: 'plain' })],
    ['a redirect off the machine', authorize({ redirect_uri: 'https://evil.example/' })],
    ['no redirect', authorize({ redirect_uri: null })],
    ['plain http', authorize({}, 'http://login.contoso.local/organizations/oauth2/v2.0/authorize')],
  ])('refuses %s', async (_what, url) => {
    const inner = new RecordingOpener();
    await expect(signInOpener(inner, flow).open(url)).rejects.toMatchObject({ code: 'forbidden' });
    expect(inner.opened).toEqual([]);
  });
});
