import { describe, expect, it } from 'vitest';
import { checkDraft, emptyDraft } from './custom-cloud-draft';

const valid = {
  ...emptyDraft,
  name: ' Contoso Stack Hub ',
  authorityHost: 'https://login.contoso.local/',
  armEndpoint: 'https://management.contoso.local',
};

describe('checkDraft', () => {
  it('accepts the required fields and leaves empty optional ones out', () => {
    expect(checkDraft(valid)).toEqual({
      cloud: {
        name: 'Contoso Stack Hub',
        authorityHost: 'https://login.contoso.local',
        armEndpoint: 'https://management.contoso.local',
      },
    });
  });

  it('names each bad field', () => {
    const result = checkDraft({
      ...valid,
      authorityHost: 'http://login.contoso.local',
      clientId: 'not-a-guid',
      caPem: 'hello',
    });
    expect('problems' in result && Object.keys(result.problems).sort()).toEqual(['authorityHost', 'caPem', 'clientId']);
  });

  it('asks for the required fields', () => {
    const result = checkDraft(emptyDraft);
    expect('problems' in result && Object.keys(result.problems).sort()).toEqual([
      'armEndpoint',
      'authorityHost',
      'name',
    ]);
  });
});
