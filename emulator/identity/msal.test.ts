// The emulator's Entra ID driven by the real @azure/msal-node: interactive sign-in through the login pages,
// per-tenant silent tokens, refresh, revocation, MFA, consent and device code.
import { InteractionRequiredAuthError, PublicClientApplication, type AccountInfo } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index.js';
import { demo } from '../testing/demo-ids.js';
import { FormBrowser, type Page } from '../testing/form-browser.js';
import { networkModuleTrusting } from '../testing/msal-network.js';

const arm = ['https://management.azure.com/.default'];
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo', deviceCodeIntervalSeconds: 1 });
});
afterAll(async () => {
  await emu.close();
});

function msalApp(tenant = 'organizations'): PublicClientApplication {
  return new PublicClientApplication({
    auth: {
      clientId: demo.clientId,
      authority: `${emu.authority}/${tenant}`,
      knownAuthorities: [new URL(emu.authority).host],
    },
    system: { networkClient: networkModuleTrusting(emu.caPem) },
  });
}

type Step = (page: Page, browser: FormBrowser) => Promise<Page>;

const signIn =
  (user: { username: string; password: string }): Step =>
  (page, browser) => {
    expect(page.heading).toBe('Sign in');
    return browser.submit(page, 'Sign in', { login: user.username, passwd: user.password });
  };
const press =
  (heading: string, button: string, values: Record<string, string> = {}): Step =>
  (page, browser) => {
    expect(page.heading).toBe(heading);
    return browser.submit(page, button, values);
  };
const returnToApp: Step = (page, browser) => {
  expect(page.heading).toBe('Returning to the application');
  return browser.submit(page, 'Continue');
};

/** Plays the steps against the authorize URL MSAL opens, in one cookie jar (one browser). */
function browse(browser: FormBrowser, steps: Step[]): (url: string) => Promise<void> {
  return async (url) => {
    let page = await browser.get(url);
    for (const step of steps) page = await step(page, browser);
  };
}

async function interactive(app: PublicClientApplication, steps: Step[], extra: { claims?: string } = {}) {
  return app.acquireTokenInteractive({
    scopes: arm,
    openBrowser: browse(new FormBrowser(emu.caPem), steps),
    successTemplate: 'Signed in.',
    errorTemplate: 'Sign-in failed.',
    ...extra,
  });
}

describe('msal-node public client against the emulator', () => {
  let app: PublicClientApplication;
  let account: AccountInfo;
  beforeAll(() => {
    app = msalApp();
  });

  it('signs in interactively: sign-in page, consent, form_post back to the loopback', async () => {
    const result = await interactive(app, [signIn(demo.alice), press('Permissions requested', 'Accept'), returnToApp]);
    expect(result.account?.username).toBe(demo.alice.username);
    expect(result.account?.tenantId).toBe(demo.tenants.contoso);
    expect(result.account?.homeAccountId).toBe(`${demo.alice.id}.${demo.tenants.contoso}`);
    expect(result.scopes).toContain('https://management.azure.com/.default');
    const claims = await emu.verifyAccessToken(result.accessToken);
    expect(claims).toMatchObject({
      tid: demo.tenants.contoso,
      oid: demo.alice.id,
      idtyp: 'user',
      scp: 'user_impersonation',
    });
    account = result.account as AccountInfo;
  });

  it('gets a token for a guest tenant silently, with that tenant as tid', async () => {
    const result = await app.acquireTokenSilent({
      account: { ...account, tenantId: demo.tenants.fabrikam },
      authority: `${emu.authority}/${demo.tenants.fabrikam}`,
      scopes: arm,
    });
    expect(result.fromCache).toBe(false);
    expect(decodeJwt(result.accessToken)['tid']).toBe(demo.tenants.fabrikam);
    expect(result.account?.tenantId).toBe(demo.tenants.fabrikam);
    expect(result.account?.homeAccountId).toBe(account.homeAccountId);
  });

  it('refreshes through the refresh token once the cached token is near expiry', async () => {
    await emu.admin.updateSettings({ tokenLifetimeSeconds: 200 });
    const before =
      (await emu.admin.requestLog()).routes.find((r) => r.route === 'POST /{tenant}/oauth2/v2.0/token')?.count ?? 0;
    const first = await app.acquireTokenSilent({ account, scopes: arm, forceRefresh: true });
    // 200 s is inside MSAL's 300 s refresh window, so the next call must go back to the token endpoint.
    const second = await app.acquireTokenSilent({ account, scopes: arm });
    await emu.admin.updateSettings({ tokenLifetimeSeconds: null });
    expect(second.fromCache).toBe(false);
    expect(second.accessToken).not.toBe(first.accessToken);
    const after =
      (await emu.admin.requestLog()).routes.find((r) => r.route === 'POST /{tenant}/oauth2/v2.0/token')?.count ?? 0;
    expect(after - before).toBe(2);
  });

  it('asks for MFA in the tenant that requires it, then passes after the MFA page', async () => {
    const northwind = {
      account: { ...account, tenantId: demo.tenants.northwind },
      authority: `${emu.authority}/${demo.tenants.northwind}`,
      scopes: arm,
    };
    const error = await app.acquireTokenSilent(northwind).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    const ire = error as InteractionRequiredAuthError;
    expect(ire.subError).toBe('basic_action');
    expect(ire.errorMessage).toContain('AADSTS50076');
    expect(ire.claims).toContain('capolids');

    const tenantApp = msalApp(demo.tenants.northwind);
    const result = await interactive(
      tenantApp,
      [signIn(demo.alice), press('Verify your identity', 'Verify', { otc: '123456' }), returnToApp],
      { claims: ire.claims },
    );
    expect(decodeJwt(result.accessToken)['tid']).toBe(demo.tenants.northwind);
    expect(decodeJwt(result.accessToken)['amr']).toContain('mfa');
  });

  it('asks for consent again when the admin demands it for a tenant', async () => {
    await emu.admin.requireConsent({ tenantId: demo.tenants.fabrikam });
    const error = await app
      .acquireTokenSilent({
        account: { ...account, tenantId: demo.tenants.fabrikam },
        authority: `${emu.authority}/${demo.tenants.fabrikam}`,
        scopes: arm,
        forceRefresh: true,
      })
      .catch((e: unknown) => e);
    await emu.admin.clearRequirements();
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect((error as InteractionRequiredAuthError).subError).toBe('consent_required');
    expect((error as InteractionRequiredAuthError).errorMessage).toContain('AADSTS65001');
  });

  it('turns a revoked refresh token into InteractionRequiredAuthError (AADSTS50173)', async () => {
    expect(await emu.admin.revokeRefreshTokens(demo.alice.id)).toBeGreaterThan(0);
    const error = await app.acquireTokenSilent({ account, scopes: arm, forceRefresh: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect((error as InteractionRequiredAuthError).errorMessage).toContain('AADSTS50173');
  });

  it('signs in with the device code flow through /devicelogin', async () => {
    const deviceApp = msalApp();
    const browser = new FormBrowser(emu.caPem);
    let user: Promise<string> | undefined;
    const result = await deviceApp.acquireTokenByDeviceCode({
      scopes: arm,
      deviceCodeCallback: (response) => {
        user = (async () => {
          let page = await browser.get(response.verificationUri);
          page = await press('Enter code', 'Next', { otc: response.userCode })(page, browser);
          page = await signIn(demo.bob)(page, browser);
          page = await press('Permissions requested', 'Accept')(page, browser);
          return page.heading;
        })();
      },
    });
    expect(await user).toBe('You have signed in');
    expect(result?.account?.username).toBe(demo.bob.username);
    expect(decodeJwt(result?.accessToken ?? '')['tid']).toBe(demo.tenants.fabrikam);
  });
});
