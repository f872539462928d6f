// The deep-link store: a link main hands out once keeps waiting across a reload of the page (session storage),
// is forgotten once shown or dismissed, and what session storage holds is checked by the contract's schema.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeepLinkTarget } from '../../preload/contract-desktop';

const link: DeepLinkTarget = {
  kind: 'vm',
  subscriptionId: '0b1f6471-1bf0-4dda-aec3-cb9272f09590',
  resourceGroup: 'rg-web',
  name: 'web-01',
};
let session: Map<string, string>;
let fromMain: DeepLinkTarget | null;
let openListeners: ((target: DeepLinkTarget) => void)[];

beforeEach(() => {
  session = new Map();
  fromMain = null;
  openListeners = [];
  vi.stubGlobal('window', {
    sessionStorage: {
      getItem: (key: string) => session.get(key) ?? null,
      setItem: (key: string, value: string) => session.set(key, value),
      removeItem: (key: string) => session.delete(key),
    },
    cloudDesk: {
      // Main hands a link out once, as DeepLinkService.take does.
      app: {
        takeDeepLink: () => {
          const value = fromMain;
          fromMain = null;
          return Promise.resolve({ ok: true, value });
        },
      },
      events: {
        on: (name: string, listener: (target: DeepLinkTarget) => void) => {
          if (name === 'open') openListeners.push(listener);
          return () => undefined;
        },
      },
    },
  });
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A fresh page: the module (and its store) loaded again, as after a reload. */
async function page() {
  return (await import('./deep-link-store')).useDeepLinkStore;
}

describe('the deep-link store', () => {
  it('keeps a waiting link across a reload, and forgets it once shown', async () => {
    fromMain = link;
    const first = await page();
    await first.getState().load();
    expect(first.getState().target).toEqual(link);

    fromMain = null;
    vi.resetModules();
    const reloaded = await page();
    await reloaded.getState().load();
    expect(reloaded.getState().target).toEqual(link);
    reloaded.getState().shown();

    vi.resetModules();
    const again = await page();
    await again.getState().load();
    expect(again.getState().target).toBeUndefined();
  });

  it('ignores session storage that is not a link the contract accepts', async () => {
    session.set('cloud-desk:deep-link', JSON.stringify({ ...link, name: '<script>' }));
    const store = await page();
    await store.getState().load();
    expect(store.getState().target).toBeUndefined();
    session.set('cloud-desk:deep-link', '{not json');
    await store.getState().load();
    expect(store.getState().target).toBeUndefined();
  });

  it('takes a link that arrives through the event, so a reload after it was shown does not bring it back', async () => {
    const store = await page();
    const { listenForDeepLinks } = await import('./deep-link-store');
    listenForDeepLinks();
    fromMain = link;
    for (const listener of openListeners) listener(link);
    await vi.waitFor(() => expect(store.getState().target).toEqual(link));
    store.getState().shown();

    vi.resetModules();
    const reloaded = await page();
    await reloaded.getState().load();
    expect(reloaded.getState().target).toBeUndefined();
  });
});
