import { describe, expect, it } from 'vitest';
import type { SubscriptionSummary } from '../../../preload/contract-inventory';
import { testSubscription } from '../../../preload/testing/inventory-fixtures';
import { describeLastRefresh, describeSubscriptionStatus, hasProblem } from './subscription-status';

const now = Date.parse('2026-11-30T16:00:00Z');
const sub = (over: Partial<SubscriptionSummary>): SubscriptionSummary =>
  testSubscription({ id: 's1', displayName: 'Contoso Production', vmCount: 3, ...over });

describe('describeSubscriptionStatus', () => {
  it('words a throttle with the time Azure asked to wait until and how long that is', () => {
    const until = new Date(now + 20 * 60_000).toISOString();
    const text = describeSubscriptionStatus(sub({ status: 'throttled', throttledUntil: until }), now);
    expect(text.label).toBe('Throttled');
    expect(text.message).toMatch(
      /^Azure is limiting requests for this subscription and asked Cloud Desk to wait until /,
    );
    expect(text.message).toContain('(in 20 min). Its VMs have not been listed yet.');
  });

  it('says how old the rows of a subscription whose listing failed are', () => {
    const error = { code: 'internal' as const, message: 'Azure had a problem answering for this subscription.' };
    const powerFetchedAt = new Date(now - 20 * 60_000).toISOString();
    const text = describeSubscriptionStatus(sub({ status: 'error', error, powerFetchedAt }), now);
    expect(text.message).toMatch(
      /^Azure had a problem answering for this subscription\. The VMs shown for it are as of .+, 20 min ago\.$/,
    );
  });

  it('labels an unreachable subscription "Not reached", not as an Azure error', () => {
    const error = { code: 'offline' as const, message: 'Cloud Desk could not list the VMs of this subscription.' };
    expect(describeSubscriptionStatus(sub({ status: 'error', error }), now)).toMatchObject({
      label: 'Not reached',
      color: 'warning',
    });
  });

  it("shows main's words for an error, and a hidden subscription is not a problem", () => {
    const error = {
      code: 'forbidden' as const,
      message: 'You do not have permission to list the VMs of this subscription.',
    };
    expect(describeSubscriptionStatus(sub({ status: 'error', error }), now).message).toBe(
      `${error.message} Its VMs have not been listed yet.`,
    );
    expect(hasProblem(sub({ status: 'error', error }))).toBe(true);
    expect(hasProblem(sub({ status: 'not_listed', hidden: true }))).toBe(false);
  });
});

describe('describeLastRefresh', () => {
  const at = new Date(now - 60_000).toISOString();
  const error = { code: 'interaction_required' as const, message: 'Tenant Contoso needs you to sign in again.' };

  it('says how many subscriptions the last refresh could not list, so a sweep that listed none is not "just now"', () => {
    const subs = [
      sub({ id: 's1', status: 'needs_sign_in', error }),
      sub({ id: 's2', status: 'throttled' }),
      sub({ id: 's3', status: 'ok' }),
      sub({ id: 's4', status: 'not_listed', state: 'Disabled' }),
      sub({ id: 's5', status: 'error', error, hidden: true }),
    ];
    expect(describeLastRefresh(at, subs, now)).toMatch(/^Last refreshed .+, 1 min ago; 2 of 3 subscriptions failed$/);
  });

  it('keeps the count while a refresh lists a failed subscription again, until it answers', () => {
    const subs = [sub({ id: 's1', status: 'loading', error }), sub({ id: 's2', status: 'loading' })];
    expect(describeLastRefresh(at, subs, now)).toMatch(/; 1 of 2 subscriptions failed$/);
  });

  it('is the time alone when every subscription was listed, and says when there was no refresh yet', () => {
    expect(describeLastRefresh(at, [sub({ status: 'ok' })], now)).toMatch(/^Last refreshed .+, 1 min ago$/);
    expect(describeLastRefresh(undefined, [], now)).toBe('Not refreshed yet');
  });

  it('counts the tenants whose subscription list failed, even when no subscription stands for them', () => {
    expect(describeLastRefresh(at, [], now, 2)).toMatch(/^Last refreshed .+, 1 min ago; 2 tenant listings failed$/);
    expect(describeLastRefresh(at, [sub({ status: 'error', error })], now, 1)).toMatch(
      /; 1 of 1 subscription failed; 1 tenant listing failed$/,
    );
  });
});
