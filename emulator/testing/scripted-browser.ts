// A "system browser" for tests and benchmarks: whatever sign-in URL the app opens, it signs `user` in on the
// emulator's pages (password, consent, MFA with the emulator's code) and follows the reply back to the app.
// Test and benchmark code only.
import { mfaCode } from '../identity/service.js';
import { FormBrowser, type Page } from './form-browser.js';

export interface ScriptedUser {
  username: string;
  password: string;
}

export class ScriptedBrowser {
  readonly opened: string[] = [];

  constructor(
    private readonly caPem: string,
    private readonly user: ScriptedUser,
  ) {}

  open(url: string): Promise<void> {
    this.opened.push(url);
    const browser = new FormBrowser(this.caPem);
    const user = this.user;
    void (async () => {
      let page: Page = await browser.get(url);
      for (let step = 0; step < 8; step += 1) {
        if (page.heading === 'Sign in') {
          page = await browser.submit(page, 'Sign in', { login: user.username, passwd: user.password });
        } else if (page.heading === 'Permissions requested') page = await browser.submit(page, 'Accept');
        else if (page.heading === 'Verify your identity') page = await browser.submit(page, 'Verify', { otc: mfaCode });
        else {
          await browser.submit(page, 'Continue');
          return;
        }
      }
    })();
    return Promise.resolve();
  }
}
