import { describe, expect, it } from 'vitest';
import { RecordingEvents, RecordingLogger } from '../testing/fakes.js';
import { deepLinkInArgv, parseDeepLink } from './deep-link.js';
import { DeepLinkService } from './deep-link-service.js';

const sub = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';

describe('parseDeepLink', () => {
  it('opens a subscription and a VM (ids lower-cased, names decoded)', () => {
    expect(parseDeepLink(`clouddesk://subscription/${sub.toUpperCase()}`)).toEqual({
      ok: true,
      target: { kind: 'subscription', subscriptionId: sub },
    });
    expect(parseDeepLink(`clouddesk://vm/${sub}/rg-web%28prod%29/web-01/`)).toEqual({
      ok: true,
      target: { kind: 'vm', subscriptionId: sub, resourceGroup: 'rg-web(prod)', name: 'web-01' },
    });
  });

  it.each([
    ['another scheme', `https://vm/${sub}/rg/web`],
    ['an unknown kind', `clouddesk://tenant/${sub}`],
    ['a missing name', `clouddesk://vm/${sub}/rg`],
    ['an extra segment', `clouddesk://vm/${sub}/rg/web/extra`],
    ['a subscription that is no GUID', 'clouddesk://subscription/not-a-guid'],
    ['a query', `clouddesk://subscription/${sub}?x=1`],
    ['a fragment', `clouddesk://subscription/${sub}#x`],
    ['a user', `clouddesk://me@subscription/${sub}`],
    ['a port', `clouddesk://subscription:8080/${sub}`],
    ['a VM name with a slash', `clouddesk://vm/${sub}/rg/we%2Fb`],
    ['a VM name with script', `clouddesk://vm/${sub}/rg/%3Cscript%3E`],
    ['bad escaping', `clouddesk://vm/${sub}/rg/%E0%A4%A`],
    ['garbage', 'clouddesk'],
    ['a very long link', `clouddesk://vm/${sub}/${'r'.repeat(2000)}/web`],
  ])('refuses %s', (_what, link) => {
    expect(parseDeepLink(link).ok).toBe(false);
  });
});

describe('deepLinkInArgv', () => {
  it('finds the link a second instance was started with', () => {
    expect(deepLinkInArgv(['C:\\Cloud Desk.exe', '--flag', `clouddesk://subscription/${sub}`])).toBe(
      `clouddesk://subscription/${sub}`,
    );
    expect(deepLinkInArgv(['/usr/bin/cloud-desk'])).toBeUndefined();
  });
});

describe('DeepLinkService', () => {
  it('sends a valid link to the renderer once and keeps it until taken', () => {
    const events = new RecordingEvents();
    const service = new DeepLinkService(events, new RecordingLogger());
    expect(service.open(`clouddesk://subscription/${sub}`)).toBe(true);
    expect(events.emitted).toEqual([{ name: 'open', payload: { kind: 'subscription', subscriptionId: sub } }]);
    expect(service.take()).toEqual({ kind: 'subscription', subscriptionId: sub });
    expect(service.take()).toBeNull();
  });

  it('ignores a malformed link with a log line and sends nothing', () => {
    const events = new RecordingEvents();
    const logger = new RecordingLogger();
    const service = new DeepLinkService(events, logger);
    expect(service.open('clouddesk://vm/nope')).toBe(false);
    expect(events.emitted).toEqual([]);
    expect(logger.lines).toMatchObject([{ level: 'warn', message: 'ignored a clouddesk link' }]);
    expect(service.take()).toBeNull();
  });
});
