// The client choice check agrees with the contract: what it lets through, main accepts.
import { describe, expect, it } from 'vitest';
import { settingsPatchSchema } from '../../../preload/contract';
import { checkClientChoice, checkNationalClients, shownChoice } from './client-choice-draft';

const guid = '0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1';

describe('checkClientChoice', () => {
  it.each([
    [{ choice: 'azure_cli', clientId: '' }, { clientChoice: 'azure_cli' }],
    [{ choice: 'builtin', clientId: 'left over' }, { clientChoice: 'builtin' }],
    [
      { choice: 'organisation', clientId: ` ${guid} ` },
      { clientChoice: 'organisation', clientId: guid },
    ],
  ] as const)('turns %o into a patch main accepts', (draft, patch) => {
    const checked = checkClientChoice(draft);
    expect(checked).toEqual({ ok: true, patch });
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  it.each([
    [{ choice: undefined, clientId: guid }, /Choose how/],
    [{ choice: 'organisation', clientId: '  ' }, /Enter your organisation’s Application \(client\) ID/],
    [{ choice: 'organisation', clientId: 'my-app' }, /is a GUID/],
  ] as const)('refuses %o with words', (draft, words) => {
    const checked = checkClientChoice(draft);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.problem).toMatch(words);
  });
});

describe('shownChoice', () => {
  it('shows the built-in default as chosen only where this copy has one', () => {
    expect(shownChoice('unset', true)).toBe('builtin');
    expect(shownChoice('unset', false)).toBeUndefined();
    expect(shownChoice('builtin', false)).toBeUndefined();
    expect(shownChoice('azure_cli', true)).toBe('azure_cli');
  });
});

describe('checkNationalClients', () => {
  const names = { 'azure-china': 'Azure operated by 21Vianet' };

  it('keeps only the clouds with a choice of their own, in a shape main accepts', () => {
    const checked = checkNationalClients(
      {
        'azure-china': { choice: 'organisation', clientId: ` ${guid} ` },
        'azure-us-government': { choice: 'inherit', clientId: guid },
      },
      names,
    );
    expect(checked).toEqual({ ok: true, value: { 'azure-china': { choice: 'organisation', clientId: guid } } });
    const patch = { nationalCloudClients: checked.ok ? checked.value : {} };
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
    expect(
      checkNationalClients({ 'azure-us-government': { choice: 'azure_cli', clientId: 'left over' } }, names),
    ).toEqual({ ok: true, value: { 'azure-us-government': { choice: 'azure_cli', clientId: '' } } });
  });

  it('names the cloud whose registration is missing or not a GUID', () => {
    expect(checkNationalClients({ 'azure-china': { choice: 'organisation', clientId: '' } }, names)).toEqual({
      ok: false,
      problem: 'Azure operated by 21Vianet: Enter your organisation’s Application (client) ID.',
    });
    const wrong = checkNationalClients({ 'azure-china': { choice: 'organisation', clientId: 'app' } }, names);
    expect(wrong.ok ? '' : wrong.problem).toMatch(/^Azure operated by 21Vianet: .*is a GUID/);
  });
});
