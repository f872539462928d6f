// The emulator's Entra ID at the protocol level: PKCE, single-use codes, error pages and error bodies,
// discovery documents, and what ARM's token check rejects.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index.js';
import { demo } from '../testing/demo-ids.js';
import { FormBrowser } from '../testing/form-browser.js';
import { httpsCall } from '../testing/https-json.js';
import { TokenRejectedError } from '../types.js';

let emu: RunningEmulator;
const redirectUri = 'http://localhost:1234/';

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo' });
});
afterAll(async () => {
  await emu.close();
});

function authorizeUrl(params: Record<string, string>, tenant = 'organizations'): string {
  const url = new URL(`${emu.authority}/${tenant}/oauth2/v2.0/authorize`);
  const all = {
    client_id: demo.clientId,
    response_type: 'code',
    response_mode: 'form_post',
    redirect_uri: redirectUri,
    scope: 'https://management.azure.com/.default openid profile offline_access',
    state: 'state-123',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return url.toString();
}

/** Signs alice in by hand and returns the code from the form_post page (not posted anywhere). */
async function getCode(challenge: Record<string, string>): Promise<{ code: string; state: string }> {
  const browser = new FormBrowser(emu.caPem);
  let page = await browser.get(authorizeUrl(challenge));
  page = await browser.submit(page, 'Sign in', { login: demo.alice.username, passwd: demo.alice.password });
  if (page.heading === 'Permissions requested') page = await browser.submit(page, 'Accept');
  expect(page.heading).toBe('Returning to the application');
  const field = (name: string): string => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.html)?.[1] ?? '';
  expect(page.html).toContain(`action="${redirectUri}"`);
  expect(field('client_info')).not.toBe('');
  return { code: field('code'), state: field('state') };
}

function redeem(code: string, verifier: string | undefined) {
  return httpsCall(`${emu.authority}/organizations/oauth2/v2.0/token`, emu.caPem, {
    form: {
      client_id: demo.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      scope: 'https://management.azure.com/.default openid profile offline_access',
      ...(verifier === undefined ? {} : { code_verifier: verifier }),
    },
    headers: { 'client-request-id': 'corr-42' },
  });
}

describe('authorization code + PKCE', () => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = {
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  };

  it('rejects a wrong verifier with AADSTS501481 in the Entra error shape', async () => {
    const { code, state } = await getCode(challenge);
    expect(state).toBe('state-123');
    const res = await redeem(code, 'wrong-verifier-wrong-verifier-wrong-verifier');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_grant', error_codes: [501481], correlation_id: 'corr-42' });
    expect(res.json['error_description']).toMatch(/^AADSTS501481: .* Trace ID: .* Correlation ID: corr-42 Timestamp: /);
    expect(res.headers['x-ms-request-id']).toBe(res.json['trace_id']);
  });

  it('rejects a missing verifier and a plain challenge', async () => {
    expect((await redeem((await getCode(challenge)).code, undefined)).json['error_codes']).toEqual([50148]);
    const plain = await getCode({ code_challenge: verifier, code_challenge_method: 'plain' });
    expect((await redeem(plain.code, verifier)).json['error']).toBe('invalid_grant');
  });

  it('redeems a code once, and refuses it the second time (AADSTS54005)', async () => {
    const { code } = await getCode(challenge);
    const ok = await redeem(code, verifier);
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.json).sort()).toEqual([
      'access_token',
      'client_info',
      'expires_in',
      'ext_expires_in',
      'id_token',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(ok.json['expires_in']).toBeGreaterThanOrEqual(3600);
    expect(ok.json['expires_in']).toBeLessThanOrEqual(5400);
    const again = await redeem(code, verifier);
    expect(again.json).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });
});

describe('error pages and replies', () => {
  it('shows AADSTS700016 for an unknown client', async () => {
    const page = await new FormBrowser(emu.caPem).get(
      authorizeUrl({ client_id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(page.text).toContain('AADSTS700016');
  });

  it('shows AADSTS50011 for an unregistered redirect URI', async () => {
    const page = await new FormBrowser(emu.caPem).get(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }));
    expect(page.text).toContain('AADSTS50011');
  });

  it('replies invalid_resource (AADSTS500011) for an unknown resource, echoing state', async () => {
    const page = await new FormBrowser(emu.caPem).get(authorizeUrl({ scope: 'https://vault.example.net/.default' }));
    expect(page.html).toContain('name="error" value="invalid_resource"');
    expect(page.html).toContain('AADSTS500011');
    expect(page.html).toContain('name="state" value="state-123"');
  });

  it('says the password is wrong, and that a user is not in the tenant', async () => {
    const browser = new FormBrowser(emu.caPem);
    const page = await browser.get(authorizeUrl({}));
    const wrong = await browser.submit(page, 'Sign in', { login: demo.alice.username, passwd: 'nope' });
    expect(wrong.text).toContain('AADSTS50126');
    const unknown = await browser.submit(page, 'Sign in', { login: 'nobody@contoso.test', passwd: 'x' });
    expect(unknown.text).toContain('AADSTS50034');
    const bobBrowser = new FormBrowser(emu.caPem);
    const bobPage = await bobBrowser.get(authorizeUrl({}, demo.tenants.northwind));
    const notMember = await bobBrowser.submit(bobPage, 'Sign in', {
      login: demo.bob.username,
      passwd: demo.bob.password,
    });
    expect(notMember.text).toContain('AADSTS90072');
  });

  it('answers prompt=none without a session with login_required', async () => {
    const page = await new FormBrowser(emu.caPem).get(authorizeUrl({ prompt: 'none' }));
    expect(page.html).toContain('name="error" value="login_required"');
  });

  it('cancel on the consent page posts access_denied back', async () => {
    const browser = new FormBrowser(emu.caPem);
    let page = await browser.get(authorizeUrl({ prompt: 'consent' }));
    page = await browser.submit(page, 'Sign in', { login: demo.bob.username, passwd: demo.bob.password });
    page = await browser.submit(page, 'Cancel');
    expect(page.html).toContain('name="error" value="access_denied"');
  });

  it('shows the account picker for prompt=select_account when the browser has a session', async () => {
    const browser = new FormBrowser(emu.caPem);
    let page = await browser.get(authorizeUrl({ prompt: 'consent' }));
    page = await browser.submit(page, 'Sign in', { login: demo.bob.username, passwd: demo.bob.password });
    await browser.submit(page, 'Accept');
    page = await browser.get(authorizeUrl({ prompt: 'select_account' }));
    expect(page.heading).toBe('Pick an account');
    page = await browser.submit(page, demo.bob.username);
    expect(page.heading).toBe('Returning to the application');
  });
});

describe('discovery', () => {
  it('serves OIDC metadata per tenant, by id or domain, and instance discovery', async () => {
    const byDomain = await httpsCall(`${emu.authority}/fabrikam.test/v2.0/.well-known/openid-configuration`, emu.caPem);
    expect(byDomain.json['issuer']).toBe(`${emu.authority}/${demo.tenants.fabrikam}/v2.0`);
    expect(byDomain.json['token_endpoint']).toBe(`${emu.authority}/${demo.tenants.fabrikam}/oauth2/v2.0/token`);
    const common = await httpsCall(`${emu.authority}/common/v2.0/.well-known/openid-configuration`, emu.caPem);
    expect(common.json['issuer']).toBe(`${emu.authority}/{tenantid}/v2.0`);
    const unknown = await httpsCall(`${emu.authority}/nowhere.test/v2.0/.well-known/openid-configuration`, emu.caPem);
    expect(unknown.status).toBe(400);
    expect(unknown.json['error_codes']).toEqual([90002]);
    const instance = await httpsCall(
      `${emu.authority}/common/discovery/instance?api-version=1.1&authorization_endpoint=${emu.authority}/common/oauth2/v2.0/authorize`,
      emu.caPem,
    );
    expect(instance.json['metadata']).toEqual([
      {
        preferred_network: new URL(emu.authority).host,
        preferred_cache: new URL(emu.authority).host,
        aliases: [new URL(emu.authority).host],
      },
    ]);
    const keys = await httpsCall(`${emu.authority}/common/discovery/v2.0/keys`, emu.caPem);
    expect((keys.json['keys'] as unknown[]).length).toBe(1);
  });
});

describe('verifyAccessToken (what ARM accepts)', () => {
  it('rejects a token for another audience, a tampered token, and an expired one', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = {
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    const graphCode = (await getCode({ ...challenge, scope: 'User.Read openid offline_access' })).code;
    const graph = await redeem(graphCode, verifier);
    const graphToken = String(graph.json['access_token']);
    await expect(emu.verifyAccessToken(graphToken)).rejects.toMatchObject({ reason: 'wrong_audience' });

    const armToken = String((await redeem((await getCode(challenge)).code, verifier)).json['access_token']);
    await expect(emu.verifyAccessToken(armToken)).resolves.toMatchObject({ aud: 'https://management.azure.com' });
    const [h, p, s] = armToken.split('.');
    const tampered = `${h}.${p}.${(s ?? '').slice(0, -4)}AAAA`;
    await expect(emu.verifyAccessToken(tampered)).rejects.toBeInstanceOf(TokenRejectedError);

    await emu.admin.advanceClock(2 * 60 * 60);
    try {
      await expect(emu.verifyAccessToken(armToken)).rejects.toMatchObject({ reason: 'expired' });
    } finally {
      await emu.admin.resetClock();
    }
  });
});

describe('device code grant errors', () => {
  async function deviceCode(): Promise<{ device_code: string; user_code: string; interval: number }> {
    const res = await httpsCall(`${emu.authority}/organizations/oauth2/v2.0/devicecode`, emu.caPem, {
      form: { client_id: demo.clientId, scope: 'https://management.azure.com/.default offline_access openid' },
    });
    expect(res.json['verification_uri']).toBe(`${emu.authority}/devicelogin`);
    expect(res.json['expires_in']).toBe(900);
    return res.json as { device_code: string; user_code: string; interval: number };
  }
  const poll = (code: string) =>
    httpsCall(`${emu.authority}/organizations/oauth2/v2.0/token`, emu.caPem, {
      form: { client_id: demo.clientId, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: code },
    });

  it('answers authorization_pending, then authorization_declined after Cancel on the consent page', async () => {
    const dc = await deviceCode();
    expect((await poll(dc.device_code)).json).toMatchObject({ error: 'authorization_pending', error_codes: [70016] });
    await emu.admin.requireConsent({ userId: demo.bob.id });
    const browser = new FormBrowser(emu.caPem);
    let page = await browser.get(`${emu.authority}/devicelogin`);
    page = await browser.submit(page, 'Next', { otc: dc.user_code.toLowerCase() });
    page = await browser.submit(page, 'Sign in', { login: demo.bob.username, passwd: demo.bob.password });
    page = await browser.submit(page, 'Cancel');
    await emu.admin.clearRequirements();
    expect(page.heading).toBe('Sign-in cancelled');
    expect((await poll(dc.device_code)).json).toMatchObject({ error: 'authorization_declined' });
  });

  it('answers expired_token once the code is older than 15 minutes on the emulator clock', async () => {
    const dc = await deviceCode();
    await emu.admin.advanceClock(901);
    try {
      expect((await poll(dc.device_code)).json).toMatchObject({ error: 'expired_token', error_codes: [70020] });
    } finally {
      await emu.admin.resetClock();
    }
  });
});
