import { describe, expect, it } from 'vitest';
import { redact, redactText, redacted } from './redact.js';

const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJvaWQiOiIxMjMifQ.sig-nature_value';

describe('redact', () => {
  it('removes JWTs and bearer credentials from text', () => {
    const text = redactText(`failed with ${jwt} and header Bearer abcdefghijklmnop`);
    expect(text).not.toContain('eyJ');
    expect(text).not.toContain('abcdefghijklmnop');
    expect(text).toContain(redacted);
  });

  it('removes authorization codes, client secrets and tokens from URLs and form bodies', () => {
    const text = redactText(
      'GET http://localhost:51234/?code=0.AXYZ-secret-code&state=abc then POST client_id=1&client_secret=s3cr3t~x&refresh_token=0.AAA',
    );
    expect(text).toBe(
      `GET http://localhost:51234/?code=${redacted}&state=abc then POST client_id=1&client_secret=${redacted}&refresh_token=${redacted}`,
    );
  });

  it('removes authorization and cookie header values from text', () => {
    expect(redactText('headers: {"Authorization": "Negotiate abc"} Proxy-Authorization: Basic dXNlcjpwYXNz')).toBe(
      `headers: {"Authorization": "${redacted}"} Proxy-Authorization: ${redacted}`,
    );
  });

  it('removes the user name and password from URLs, keeping the host and path', () => {
    expect(
      redactText(
        'proxy http://alice:s3cr%40t@proxy.contoso.local:8080 failed; https://bob:p@ss@10.0.0.1/x and https://carol@proxy/',
      ),
    ).toBe(
      `proxy http://${redacted}@proxy.contoso.local:8080 failed; https://${redacted}@10.0.0.1/x and https://${redacted}@proxy/`,
    );
  });

  it('keeps an @ in a URL path or query (a user name in a sign-in link is not user-info)', () => {
    const text = 'https://login.microsoftonline.com/alice@contoso.com/oauth2?login_hint=bob@contoso.com';
    expect(redactText(text)).toBe(text);
  });

  it('blanks secret-named fields at any depth and keeps the rest', () => {
    const out = redact({
      channel: 'accounts.add',
      request: { headers: { Authorization: 'Bearer x.y.z' }, refresh_token: '0.AAA', nested: [{ clientSecret: 's3' }] },
      tenantId: 'contoso',
    });
    expect(out).toEqual({
      channel: 'accounts.add',
      request: { headers: { Authorization: redacted }, refresh_token: redacted, nested: [{ clientSecret: redacted }] },
      tenantId: 'contoso',
    });
  });

  it('redacts inside errors, keeping name and message shape', () => {
    const out = redact(new Error(`bad token ${jwt}`)) as { name: string; message: string };
    expect(out.name).toBe('Error');
    expect(out.message).toBe(`bad token ${redacted}`);
  });
});
