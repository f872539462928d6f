import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  appErrorSchema,
  channels,
  errorCodes,
  eventNames,
  invalidInput,
  requests,
  settingsPatchSchema,
} from './contract.js';

describe('the contract', () => {
  it('names every channel group.method so the bridge can build cloudDesk.group.method', () => {
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
    expect(eventNames).not.toContain('on');
  });

  it('has a zod schema for the argument and the result of every channel', () => {
    for (const channel of channels) {
      expect(requests[channel].args).toBeInstanceOf(z.ZodType);
      expect(requests[channel].result).toBeInstanceOf(z.ZodType);
    }
  });

  it('keeps the closed set of error codes and refuses others', () => {
    expect(errorCodes).toEqual([
      'offline',
      'interaction_required',
      'forbidden',
      'throttled',
      'not_found',
      'invalid_input',
      'encryption_unavailable',
      'cancelled',
      'internal',
    ]);
    expect(appErrorSchema.safeParse({ code: 'oops', message: 'x' }).success).toBe(false);
  });

  it('accepts a partial settings change and refuses an empty or unknown one', () => {
    expect(settingsPatchSchema.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(settingsPatchSchema.safeParse({}).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ theme: 'dark', fontSize: 3 }).success).toBe(false);
  });

  it('formats a validation failure with the path of the bad field', () => {
    const schema = z.strictObject({ account: z.strictObject({ tenantId: z.string() }) });
    const failure = schema.safeParse({ account: { tenantId: 5 } });
    expect(failure.success).toBe(false);
    if (failure.success) return;
    const error = invalidInput(failure.error, 'argument');
    expect(error).toMatchObject({ code: 'invalid_input', detail: 'account.tenantId' });
    expect(error.message).toMatch(/^Invalid argument: account\.tenantId: /);
  });

  it('names an unknown key as the bad field', () => {
    const failure = settingsPatchSchema.safeParse({ theme: 'dark', extra: 1 });
    expect(failure.success).toBe(false);
    if (failure.success) return;
    expect(invalidInput(failure.error, 'argument')).toMatchObject({ detail: 'extra' });
  });
});
