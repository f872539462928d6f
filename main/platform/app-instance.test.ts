// Single instance and clouddesk:// delivery against a typed fake of `electron`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from '../testing/fake-electron.js';

vi.mock('electron', async () => {
  const { fakeElectron: fake } = await import('../testing/fake-electron.js');
  return {
    get app() {
      return fake.app;
    },
  };
});

const { claimSingleInstance } = await import('./app-instance.js');
const link = 'clouddesk://subscription/0b1f6471-1bf0-4dda-aec3-cb9272f09590';

function claim() {
  const calls: string[] = [];
  const claimed = claimSingleInstance({
    openLink: (raw) => calls.push(`link:${raw}`),
    showWindow: () => calls.push('show'),
  });
  return { claimed, calls };
}

describe('claimSingleInstance', () => {
  const argv = process.argv;
  beforeEach(() => fakeElectron.reset());
  afterEach(() => {
    process.argv = argv;
  });

  it('tells a second instance to quit without listening for anything', () => {
    fakeElectron.app.lockAvailable = false;
    const { claimed, calls } = claim();
    expect(claimed).toBe(false);
    expect(fakeElectron.app.count('second-instance')).toBe(0);
    expect(calls).toEqual([]);
  });

  it('passes on the link a second instance was started with and brings the window forward', () => {
    const { claimed, calls } = claim();
    expect(claimed).toBe(true);
    fakeElectron.app.fire('second-instance', ['/opt/Cloud Desk/cloud-desk', '--no-sandbox', link], '/home/u');
    expect(calls).toEqual([`link:${link}`, 'show']);
  });

  it('only brings the window forward when a second start has no link', () => {
    const { calls } = claim();
    fakeElectron.app.fire('second-instance', ['/opt/Cloud Desk/cloud-desk'], '/home/u');
    expect(calls).toEqual(['show']);
  });

  it('takes macOS open-url links and stops the default handling', () => {
    const { calls } = claim();
    expect(fakeElectron.app.fire('open-url', link).defaultPrevented).toBe(true);
    expect(calls).toEqual([`link:${link}`, 'show']);
  });

  it('opens the link the first instance was launched with (Windows, Linux)', () => {
    process.argv = ['/opt/Cloud Desk/cloud-desk', link];
    expect(claim().calls).toEqual([`link:${link}`]);
  });

  it('registers the scheme in packaged builds only', () => {
    claim();
    expect(fakeElectron.app.defaultProtocolClients).toEqual(new Set(['clouddesk']));
    fakeElectron.reset();
    fakeElectron.app.isPackaged = false;
    claim();
    expect(fakeElectron.app.defaultProtocolClients).toEqual(new Set());
  });
});
