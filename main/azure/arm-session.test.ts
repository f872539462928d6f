import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { describe, expect, it } from 'vitest';
import { memoizedCredential } from './arm-session.js';

function countingCredential(answer: () => Promise<AccessToken | null>): TokenCredential & { asked: number } {
  const credential = {
    asked: 0,
    getToken: () => {
      credential.asked += 1;
      return answer();
    },
  };
  return credential;
}

describe('memoizedCredential (one per sweep)', () => {
  it('asks once and serves every caller the token', async () => {
    const inner = countingCredential(() => Promise.resolve({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }));
    const credential = memoizedCredential(inner);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => credential.getToken('scope/.default')));
    expect(tokens.every((token) => token?.token === 't')).toBe(true);
    expect(inner.asked).toBe(1);
  });

  it('asks once when the sign-in fails, and every caller gets that failure (no retry storm)', async () => {
    const inner = countingCredential(() => Promise.reject(new Error('AADSTS50076: MFA required')));
    const credential = memoizedCredential(inner);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => credential.getToken('scope/.default')));
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(inner.asked).toBe(1);
  });

  it('asks again for a token about to expire', async () => {
    const inner = countingCredential(() => Promise.resolve({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }));
    const credential = memoizedCredential(inner);
    await credential.getToken('scope/.default');
    await credential.getToken('scope/.default');
    expect(inner.asked).toBe(2);
  });
});
