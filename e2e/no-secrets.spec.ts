// Nothing that looks like a token, refresh token or client secret may reach the renderer: every IPC result and
// event of a session that signs in a user, signs in to its MFA tenant and adds two service principals is
// inspected, and so is everything the page could store.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { demo } from '../emulator/testing/demo-ids.js';
import { expect, test } from './fixtures.js';
import { answerSignInPage } from './sign-in.js';

test.use({ cloud: 'emulator' });

const jwt = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/;

test('no credential crosses to the renderer or its storage', async ({ app }) => {
  test.skip(
    app.runtime === 'electron',
    'Reads the preview WebSocket frames; Electron IPC is not observable from Playwright.',
  );
  const { page } = app;
  const frames: string[] = [];
  const { emulator } = app;
  if (!emulator) throw new Error('this test needs the emulator');

  // The preview carries the contract over one WebSocket: record what main sends. Reload so the socket is new.
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

  const popup = page.context().waitForEvent('page');
  const signedIn = page.evaluate(() =>
    (
      window as unknown as { cloudDesk: { accounts: { signIn(a: unknown): Promise<unknown> } } }
    ).cloudDesk.accounts.signIn({ cloudId: 'custom-local-azure-emulator', method: 'browser' }),
  );
  const login = await popup;
  await answerSignInPage(login, demo.alice);
  expect(await signedIn).toMatchObject({ ok: true });
  const aliceId = ((await signedIn) as { value: { id: string } }).value.id;

  // Sign in to the tenant that requires MFA: a flow with a Conditional Access claims challenge.
  const mfaPopup = page.context().waitForEvent('page');
  const tenantSignIn = page.evaluate(
    ([accountId, tenantId]) =>
      (
        window as unknown as { cloudDesk: { accounts: { signInTenant(a: unknown): Promise<unknown> } } }
      ).cloudDesk.accounts.signInTenant({ accountId, tenantId, method: 'browser' }),
    [aliceId, demo.tenants.northwind] as const,
  );
  const mfa = await mfaPopup;
  await mfa.getByLabel('Verification code').fill('123456');
  await mfa.getByRole('button', { name: 'Verify' }).click();
  expect(await tenantSignIn).toMatchObject({ ok: true });

  const certificatePem = readFileSync(demo.certSp.certFile, 'utf8') + readFileSync(demo.certSp.keyFile, 'utf8');
  const added = await page.evaluate(
    ([secret, pem, ids]) => {
      const api = (
        window as unknown as { cloudDesk: { accounts: { addServicePrincipal(a: unknown): Promise<unknown> } } }
      ).cloudDesk.accounts;
      return Promise.all([
        api.addServicePrincipal({
          cloudId: 'custom-local-azure-emulator',
          tenantId: ids.contoso,
          clientId: ids.secretSp,
          credential: { kind: 'secret', secret },
        }),
        api.addServicePrincipal({
          cloudId: 'custom-local-azure-emulator',
          tenantId: ids.fabrikam,
          clientId: ids.certSp,
          credential: { kind: 'certificate', certificatePem: pem },
        }),
      ]);
    },
    [
      demo.secretSp.secret,
      certificatePem,
      {
        contoso: demo.tenants.contoso,
        fabrikam: demo.tenants.fabrikam,
        secretSp: demo.secretSp.clientId,
        certSp: demo.certSp.clientId,
      },
    ] as const,
  );
  expect(added).toMatchObject([{ ok: true }, { ok: true }]);
  await page.evaluate(() =>
    (window as unknown as { cloudDesk: { accounts: { refresh(): Promise<unknown> } } }).cloudDesk.accounts.refresh(),
  );

  const stored = await page.evaluate(async () => {
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookies: document.cookie,
      indexedDb: databases.map((database) => database.name),
    });
  });

  expect(frames.length).toBeGreaterThan(5);
  // `open` frames are the preview's stand-in for the system browser (in Electron the sign-in URL goes to
  // shell.openExternal, not to the page); a sign-in URL may name `access_token` in its claims request.
  const ipc = frames.filter((frame) => !frame.startsWith('{"type":"open"'));
  for (const text of [...frames, stored]) {
    expect(text).not.toMatch(jwt);
    expect(text).not.toContain(demo.secretSp.secret);
    expect(text).not.toContain('PRIVATE KEY');
    // Refresh tokens and authorization codes (Entra's `0.A…`/`1.A…`; the emulator's `1.EMU.…`).
    expect(text).not.toMatch(/\b[01]\.(?:EMU\.|A)[A-Za-z0-9_-]{20,}/);
  }
  for (const text of [...ipc, stored]) {
    expect(text).not.toMatch(/refresh_?token|access_?token|"secret"|client_?secret|code_verifier/i);
  }
  // The session did carry the account data, so the inspection looked at real traffic.
  expect(frames.some((frame) => frame.includes('Northwind Lab'))).toBe(true);
});
