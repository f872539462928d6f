// The Accounts view holds up as a person uses it: menus and dialogs keep the app visible behind them, the MFA row
// keeps its parts apart at small window sizes, the keyboard lands somewhere safe after sign-in and sign-out,
// states say how old they are (also when the app starts offline), and failures are worded where they happened:
// declined consent, a wrong service-principal secret. Driven by role and accessible name against the emulator.
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { demo } from '../emulator/testing/demo-ids.js';
import { fleetUser } from '../emulator/scenarios/fleet.js';
import { signInReasonText } from '../preload/contract.js';
import { expect, test } from './fixtures.js';
import { answerSignInPage, switchToDeviceCode } from './sign-in.js';

/** Signs in through the emulator's sign-in page, opened as the system browser would open it. */
async function signIn(
  page: Page,
  user: { username: string; password: string },
  start: () => Promise<void>,
  /** The consent page's button to press; null when the app is pre-consented and no page comes. */
  consent: 'Accept' | 'Cancel' | null = 'Accept',
): Promise<void> {
  const popup = page.context().waitForEvent('page');
  await start();
  const login = await popup;
  await answerSignInPage(login, user, consent);
  // Finishing includes checking every tenant, which takes a while for the fleet user.
  if (consent !== 'Cancel')
    await expect(page.getByRole('region', { name: /Signing in/ })).toBeHidden({ timeout: 30_000 });
  // Declining posts the answer to the app's loopback redirect: closing the page before it lands would lose it.
  else await login.waitForURL(/^http:\/\/localhost:\d+\//);
  await login.close();
}

async function signInAliceFromWelcome(page: Page): Promise<Locator> {
  await signIn(page, demo.alice, () => page.getByRole('button', { name: 'Sign in with the browser' }).click());
  return page.getByRole('region', { name: 'Alice Example' });
}

/** The colour of one pixel of a screenshot, read by a blank page's canvas (the app's own page has a strict CSP). */
async function pixel(page: Page, x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  const png = (await page.screenshot()).toString('base64');
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(
      async ({ data, x, y }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d canvas');
        context.drawImage(image, 0, 0);
        const [r = 0, g = 0, b = 0] = context.getImageData(x, y, 1, 1).data;
        return { r, g, b };
      },
      { data: png, x, y },
    );
  } finally {
    await scratch.close();
  }
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const systemBrowserOutOfReach =
  'Sign-in pages open in the system browser through shell.openExternal, outside Playwright.';

test.describe('without an account', () => {
  test.use({ cloud: 'emulator' });

  test('a menu and a dialog keep the app visible behind them, light and dark', async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 640 });
    // A point on the brand-coloured header bar, clear of its text.
    const header = { x: 960, y: 12 };
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
      const before = await pixel(page, header.x, header.y);
      expect(before.b, `the ${scheme} header is brand blue`).toBeGreaterThan(before.r + 60);

      await page.getByRole('button', { name: 'Add account' }).click();
      await expect(page.getByRole('menuitem', { name: 'Service principal' })).toBeVisible();
      expect(await pixel(page, header.x, header.y), `the ${scheme} header with the menu open`).toEqual(before);

      await page.getByRole('menuitem', { name: 'Service principal' }).click();
      await expect(page.getByRole('dialog', { name: 'Add a service principal' })).toBeVisible();
      const dimmed = await pixel(page, header.x, header.y);
      expect(dimmed.b, `the ${scheme} header behind the dialog's backdrop is still blue`).toBeGreaterThan(
        dimmed.r + 30,
      );
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
    }
  });

  test('"Reset sign-in data" and "Sign out of all" say why they cannot act', async ({ app }) => {
    const { page } = app;
    const reset = page.getByRole('button', { name: 'Reset sign-in data' });
    await expect(reset).toBeDisabled();
    await expect(reset).toHaveAccessibleDescription('There is no saved Microsoft sign-in to reset.');
    const signOutAll = page.getByRole('button', { name: 'Sign out of all' });
    await expect(signOutAll).toHaveAccessibleDescription('There are no accounts to sign out of.');
  });
});

test.describe('against the emulator', () => {
  test.use({ cloud: 'emulator' });
  test.beforeEach(({ app }) => test.skip(app.runtime === 'electron', systemBrowserOutOfReach));

  test('a finished sign-in is announced, focused and says how old each state is', async ({ app }) => {
    const { page } = app;
    const account = await signInAliceFromWelcome(page);
    await expect(page.getByRole('status').filter({ hasText: /^Alice Example connected: 3 tenants/ })).toHaveCount(1);
    await expect(account.getByRole('heading', { name: 'Alice Example' })).toBeFocused();
    await expect(account.getByRole('row', { name: /Contoso/ })).toContainText(/as of \d/);
    await expect(account.getByText(/^Tenant list as of \d/)).toBeVisible();

    // Hiding from the keyboard keeps the keyboard on the same button, which now offers to show the tenant.
    await account.getByRole('button', { name: 'Hide tenant: Fabrikam' }).focus();
    await page.keyboard.press('Enter');
    await expect(account.getByRole('button', { name: 'Show tenant: Fabrikam' })).toBeFocused();
  });

  test('the MFA row keeps name, state and actions apart at 1024x640 and 720x480', async ({ app }) => {
    const { page } = app;
    const account = await signInAliceFromWelcome(page);
    const row = account.getByRole('row', { name: /Northwind Lab/ });
    for (const size of [
      { width: 1024, height: 640 },
      { width: 720, height: 480 },
    ]) {
      await page.setViewportSize(size);
      const parts = {
        name: row.getByText('Northwind Lab', { exact: true }),
        badge: row.getByText('Sign-in needed', { exact: true }),
        reason: row.getByText(signInReasonText.mfa),
        signIn: row.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' }),
        hide: row.getByRole('button', { name: 'Hide tenant: Northwind Lab' }),
        copyId: row.getByRole('button', { name: 'Copy the tenant ID of Northwind Lab' }),
      };
      const boxes = await Promise.all(
        Object.entries(parts).map(async ([part, locator]) => {
          const box = await locator.boundingBox();
          if (!box) throw new Error(`${part} is not laid out at ${size.width}x${size.height}`);
          return { part, box };
        }),
      );
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          expect(overlaps(a.box, b.box), `${a.part} and ${b.part} overlap at ${size.width}x${size.height}`).toBe(false);
        }
      }
      // Under the name, domain and type read as one line, with no column gap between them.
      await expect(row.getByText('northwindlab.test · Guest', { exact: true })).toBeVisible();
      const reason = boxes.find((entry) => entry.part === 'reason')?.box;
      // Not squeezed into a one-word column: the sentence gets room for several words a line.
      expect(reason?.width ?? 0, `the reason's width at ${size.width}x${size.height}`).toBeGreaterThan(180);
      const card = await account.boundingBox();
      for (const { part, box } of boxes) {
        expect(box.x + box.width, `${part} stays inside the card`).toBeLessThanOrEqual(
          (card?.x ?? 0) + (card?.width ?? 0),
        );
      }
    }
  });

  test('keyboard-only sign-out of one of two accounts leaves focus on the other account', async ({ app }) => {
    const { page } = app;
    // The window's minimum size: the second account lands below the first, out of sight unless scrolled to.
    await page.setViewportSize({ width: 720, height: 480 });
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('menuitem', { name: 'Service principal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a service principal' });
    await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill('Build agent');
    await dialog.getByRole('textbox', { name: 'Tenant ID or domain' }).fill('contoso.test');
    await dialog.getByRole('textbox', { name: 'Application (client) ID' }).fill(demo.secretSp.clientId);
    await dialog.getByLabel('Secret value').fill(demo.secretSp.secret);
    await dialog.getByRole('button', { name: 'Add service principal' }).click();
    await expect(page.getByRole('region', { name: 'Build agent' })).toBeVisible();

    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('menuitem', { name: 'Microsoft account' }).click();
    await signIn(page, demo.alice, () =>
      page
        .getByRole('dialog', { name: 'Add a Microsoft account' })
        .getByRole('button', { name: 'Sign in with the browser' })
        .click(),
    );
    const alice = page.getByRole('region', { name: 'Alice Example' });
    await expect(alice).toBeVisible();
    // The finished sign-in is announced and the new account brought into view.
    await expect(page.getByRole('status').filter({ hasText: /^Alice Example connected: 3 tenants/ })).toHaveCount(1);
    await expect(alice.getByRole('heading', { name: 'Alice Example' })).toBeInViewport();

    await alice.getByRole('button', { name: 'Sign out alice@contoso.test' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Sign out of alice@contoso.test?' });
    // The safe choice has the keyboard: Enter by habit changes nothing.
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(confirm.getByRole('button', { name: 'Sign out' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(alice).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Build agent' })).toBeFocused();
  });

  test('dialogs opened from "Add account" give the keyboard back to it when they close', async ({ app }) => {
    const { page } = app;
    const account = await signInAliceFromWelcome(page);
    // A confirmation dialog closed earlier must not be where the keyboard lands later.
    await account.getByRole('button', { name: 'Sign out alice@contoso.test' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('alertdialog')).toBeHidden();

    const addAccount = page.getByRole('button', { name: 'Add account' });
    for (const [item, dialog] of [
      ['Service principal', 'Add a service principal'],
      ['Microsoft account', 'Add a Microsoft account'],
    ] as const) {
      await addAccount.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: item }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(addAccount, `after closing "${dialog}"`).toBeFocused();
    }
  });

  test('after a restart with the cloud unreachable, the offline state and "as of" times show without a click', async ({
    app,
  }) => {
    const { emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    await signInAliceFromWelcome(app.page);
    await emulator.admin.addFaults('*:*=reset');
    try {
      const page = await app.restart();
      // The app opens on the VMs view; the accounts' offline state and ages are on Accounts.
      await page.getByRole('tab', { name: 'Accounts' }).click();
      const account = page.getByRole('region', { name: 'Alice Example' });
      await expect(page.getByText('You are offline')).toBeVisible();
      await expect(account.getByRole('row', { name: /Contoso/ })).toContainText(/as of \d.*· not checked since/);
      const signInAgain = account.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' });
      await expect(signInAgain).toBeEnabled();
      await expect(signInAgain).toHaveAccessibleDescription(/could not reach Local Azure emulator/);
    } finally {
      await emulator.admin.clearFaults();
    }
  });

  test('a tenant list that fails marks the account in words, and Retry clears it', async ({ app }) => {
    const { page, emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    const account = await signInAliceFromWelcome(page);
    await emulator.admin.addFaults('GET:/tenants=503:1x3');
    try {
      await account.getByRole('button', { name: 'Refresh alice@contoso.test' }).click();
      await expect(account.getByText('Azure could not list this account’s tenants just now')).toBeVisible();
      // The tenants keep their own states, each with its time.
      await expect(account.getByRole('row', { name: /Contoso/ })).toContainText(/Ready.*as of \d/);
    } finally {
      await emulator.admin.clearFaults();
    }
    await account.getByRole('button', { name: 'Retry listing the tenants of alice@contoso.test' }).click();
    await expect(account.getByText('Azure could not list this account’s tenants just now')).toBeHidden();
  });

  test('waiting for the browser: the sign-in page opens again, and "Copy link" gives a link that finishes the sign-in', async ({
    app,
  }) => {
    const { page } = app;
    // The preview's page may read back what the app wrote, as a person pasting it would.
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    const first = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in with the browser' }).click();
    const opened = await first;
    const signInPage = opened.url();
    await opened.close();

    const panel = page.getByRole('region', { name: 'Signing in' });
    const again = page.context().waitForEvent('page');
    await panel.getByRole('button', { name: 'Open the sign-in page again' }).click();
    const reopened = await again;
    expect(reopened.url()).toBe(signInPage);
    await reopened.close();

    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect(panel.getByText('Link copied: paste it into the browser you want to sign in with.')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(signInPage);

    // Pasted into another browser, the link signs in: the app carries on by itself.
    const other = await page.context().newPage();
    await other.goto(link);
    await answerSignInPage(other, demo.alice);
    await expect(page.getByRole('region', { name: 'Alice Example' })).toBeVisible({ timeout: 30_000 });
    await expect(panel).toBeHidden();
  });

  test('Refresh says it is checking, with a spinner, while a slow tenant list answers', async ({ app }) => {
    const { page, emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    const account = await signInAliceFromWelcome(page);
    await emulator.admin.addFaults('GET:/tenants=slow:4000');
    try {
      const refresh = account.getByRole('button', { name: 'Refresh alice@contoso.test' });
      await refresh.click();
      const checking = account.getByRole('status').filter({ hasText: 'Checking…' });
      await expect(checking).toBeVisible();
      await expect(checking.locator('.fui-Spinner')).toBeVisible();
      await expect(refresh).toBeDisabled();
      await expect(account.getByText(/^Tenant list as of \d/)).toBeVisible({ timeout: 20_000 });
      await expect(refresh).toBeEnabled();
    } finally {
      await emulator.admin.clearFaults();
    }
  });

  test('cancelling a device-code sign-in says "Cancelling…" at once, then goes back quietly', async ({ app }) => {
    const { page } = app;
    const panel = await switchToDeviceCode(page);
    // Main stops a device-code flow only between two polls of the token endpoint (seconds apart).
    await panel.getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect(panel.getByRole('button', { name: 'Cancelling…' })).toBeVisible();
    await expect(panel.getByRole('status').first()).toHaveText('Cancelling the sign-in…');
    await expect(panel).toBeHidden({ timeout: 15_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a sign-in started from a dialog keeps the keyboard where it started; while it runs, blocked buttons say why', async ({
    app,
  }) => {
    const { page } = app;
    const account = await signInAliceFromWelcome(page);
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('menuitem', { name: 'Microsoft account' }).click();
    await page
      .getByRole('dialog', { name: 'Add a Microsoft account' })
      .getByRole('button', { name: 'Sign in with the browser' })
      .click();
    await (await popup).close();
    // The dialog closed as the sign-in started: the keyboard is back where the person started it, and the
    // sign-in says what it waits for.
    await expect(page.getByRole('button', { name: 'Add account' })).toBeFocused();
    await expect(page.getByRole('region', { name: 'Signing in' }).getByRole('status').first()).toHaveText(
      'Waiting for you to finish in the browser…',
    );
    const tenantSignIn = account.getByRole('button', { name: 'Sign in to this tenant: Northwind Lab' });
    await expect(tenantSignIn).toBeDisabled();
    await expect(tenantSignIn).toHaveAccessibleDescription('A sign-in is already running: finish or cancel it first.');
    await page.getByRole('region', { name: 'Signing in' }).getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect(tenantSignIn).toBeEnabled();
    // The cancel button went away with the sign-in: the keyboard lands on the view's heading, not on nothing.
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeFocused();
  });

  test('a tenant whose check fails shows its correlation ID cut to fit, with a copy button that copies it whole', async ({
    app,
  }) => {
    const { page, emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    const account = await signInAliceFromWelcome(page);
    await emulator.admin.addFaults(`POST:/${demo.tenants.fabrikam}/oauth2/v2.0/token=500`);
    try {
      await account.getByRole('button', { name: 'Refresh alice@contoso.test' }).click();
      await expect(account.getByText(/^Tenant list as of \d/)).toBeVisible({ timeout: 20_000 });
    } finally {
      await emulator.admin.clearFaults();
    }
    const row = account.getByRole('row', { name: /Fabrikam/ });
    await expect(row.getByText('Correlation ID', { exact: true })).toBeVisible();
    const copy = row.getByRole('button', { name: 'Copy the correlation ID for Fabrikam' });
    await page.setViewportSize({ width: 720, height: 480 });
    const id = row.getByTitle(/^[0-9a-f-]{36}$/).filter({ hasNotText: demo.tenants.fabrikam });
    const full = (await id.getAttribute('title')) ?? '';
    const fits = await id.evaluate((element) => element.scrollWidth <= element.clientWidth);
    expect(fits, 'the id is cut with an ellipsis at 720x480 rather than overflowing').toBe(false);
    const [idBox, copyBox] = [await id.boundingBox(), await copy.boundingBox()];
    expect(idBox && copyBox && idBox.x + idBox.width <= copyBox.x, 'the copy button stays beside the id').toBe(true);
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(full);
    // An ordinary sign-in prompt carries no correlation ID.
    await expect(account.getByRole('row', { name: /Northwind Lab/ }).getByText('Correlation ID')).toHaveCount(0);
  });

  test('declining consent says what to do and offers the admin-consent page', async ({ app }) => {
    const { page } = app;
    await signIn(
      page,
      demo.alice,
      () => page.getByRole('button', { name: 'Sign in with the browser' }).click(),
      'Cancel',
    );
    await expect(page.getByText('Sign-in stopped: the permissions were declined')).toBeVisible();
    const adminPage = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Open the admin-consent page' }).click();
    expect((await adminPage).url()).toContain(`/adminconsent?client_id=${demo.clientId}`);
  });

  test('a wrong service-principal secret marks the secret, and a certificate can be two PEM files', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('menuitem', { name: 'Service principal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a service principal' });
    await dialog.getByRole('textbox', { name: 'Tenant ID or domain' }).fill('contoso.test');
    await dialog.getByRole('textbox', { name: 'Application (client) ID' }).fill(demo.secretSp.clientId);
    await dialog.getByLabel('Secret value').fill('not-the-secret');
    await dialog.getByRole('button', { name: 'Add service principal' }).click();
    const secret = dialog.getByLabel('Secret value');
    await expect(dialog.getByText('The secret was not accepted for this app (AADSTS7000215).')).toBeVisible();
    await expect(secret).toHaveAttribute('aria-invalid', 'true');
    await expect(secret).toBeFocused();
    await expect(dialog.getByText('Not allowed')).toHaveCount(0);

    await dialog.getByRole('textbox', { name: 'Tenant ID or domain' }).fill('fabrikam.test');
    await dialog.getByRole('textbox', { name: 'Application (client) ID' }).fill(demo.certSp.clientId);
    await dialog.getByRole('radio', { name: 'Certificate' }).check();
    await dialog
      .getByRole('combobox', { name: 'Certificate format' })
      .selectOption({ label: 'Certificate and private key as two PEM files' });
    for (const [button, file] of [
      ['Choose certificate file…', demo.certSp.certFile],
      ['Choose private key file…', demo.certSp.keyFile],
    ] as const) {
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: button }).click();
      await (await chooser).setFiles(fileURLToPath(file));
    }
    await dialog.getByRole('button', { name: 'Add service principal' }).click();
    await expect(dialog).toBeHidden();
    const account = page.getByRole('region', { name: demo.certSp.clientId });
    await expect(account.getByRole('row', { name: /Fabrikam/ })).toContainText('Ready');
  });

  test('an account with more than five tenants gets a search over them', async ({ app }) => {
    const { page, emulator } = app;
    if (!emulator) throw new Error('this test needs the emulator');
    await emulator.admin.reset('fleet:tenants=7,subscriptions=7,vms=7');
    try {
      await signIn(page, fleetUser, () => page.getByRole('button', { name: 'Sign in with the browser' }).click(), null);
      const table = page.getByRole('table', { name: `Tenants of ${fleetUser.username}` });
      await expect(table.getByRole('rowgroup').last().getByRole('row')).toHaveCount(7);
      const label =
        (await table
          .getByRole('button', { name: /^Copy the tenant ID of / })
          .nth(2)
          .getAttribute('aria-label')) ?? '';
      const name = label.replace('Copy the tenant ID of ', '');
      await page.getByRole('searchbox', { name: `Find a tenant of ${fleetUser.username}` }).fill(name);
      await expect(table.getByRole('rowgroup').last().getByRole('row')).toHaveCount(1);
      await expect(table.getByRole('rowgroup').last()).toContainText(name);
    } finally {
      await emulator.admin.reset('demo');
    }
  });
});
