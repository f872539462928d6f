import { describe, expect, it } from 'vitest';
import { checkCaFile, checkNetworkDraft } from './network-draft';

const draft = { proxyMode: 'manual' as const, proxyUrl: '', proxyBypass: '', proxyUsername: '' };

describe('the Network settings draft', () => {
  it('asks for a URL in manual mode only', () => {
    expect(checkNetworkDraft(draft)).toEqual({
      problems: { proxyUrl: expect.stringContaining('Enter the proxy URL') },
    });
    expect(checkNetworkDraft({ ...draft, proxyMode: 'system' })).toHaveProperty('patch');
  });

  it('refuses credentials inside the URL and schemes other than http(s)', () => {
    for (const proxyUrl of ['http://alice:secret@proxy.contoso.com:8080', 'socks5://proxy:1080', 'proxy:8080']) {
      expect(checkNetworkDraft({ ...draft, proxyUrl })).toHaveProperty('problems.proxyUrl');
    }
  });

  it('trims what it saves', () => {
    expect(
      checkNetworkDraft({ ...draft, proxyUrl: ' http://proxy.contoso.com:8080/ ', proxyUsername: ' alice ' }),
    ).toEqual({
      patch: { ...draft, proxyUrl: 'http://proxy.contoso.com:8080/', proxyUsername: 'alice' },
    });
  });

  it('accepts a CA file only when it holds a PEM certificate', () => {
    expect(checkCaFile('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')).toBeNull();
    expect(checkCaFile('MIIBfTCCASOgAwIBAgIU (DER as base64, no armour)')).toMatch(/no PEM certificate/);
  });
});
