import { describe, expect, it } from 'vitest';
import { redactLogMessage } from './redact-hook.js';
import { redacted } from './redact.js';

describe('redactLogMessage', () => {
  it('redacts every argument of a log call and keeps the message fields', () => {
    const message = {
      level: 'info',
      date: new Date(0),
      data: [
        'sign-in redirect http://localhost:5000/?code=0.ABC&state=1',
        { clientSecret: 'abc', accountId: 'a1', headers: { authorization: 'Bearer abcdefghijk' } },
        new Error('token eyJhbGciOi.eyJzdWIiOiIxIn0.sig'),
      ],
    };
    const out = redactLogMessage(message);
    expect(out.level).toBe('info');
    expect(out.data[0]).toBe(`sign-in redirect http://localhost:5000/?code=${redacted}&state=1`);
    expect(out.data[1]).toEqual({ clientSecret: redacted, accountId: 'a1', headers: { authorization: redacted } });
    expect(JSON.stringify(out.data[2])).not.toContain('eyJ');
    expect(JSON.stringify(message.data[1])).toContain('abc');
  });
});
