// The service principal form's checks: what is wrong with each field, in words, before anything is sent.
import { describe, expect, it } from 'vitest';
import { validateServicePrincipal, type Draft } from './service-principal-form';

const valid: Draft = {
  cloudId: 'azure',
  tenant: 'contoso.onmicrosoft.com',
  clientId: '5ec2e700-aaaa-4b1c-9d2e-3f4a5b6c7d01',
  kind: 'secret',
  secret: 's3cret',
  pem: '',
};

describe('validateServicePrincipal', () => {
  it('accepts a tenant domain or id, a GUID client id and a secret', () => {
    expect(validateServicePrincipal(valid)).toEqual({});
    expect(validateServicePrincipal({ ...valid, tenant: '6f1c2a4e-8b3d-4c7a-9e21-5d0b7f3a1c01' })).toEqual({});
  });

  it('names each bad field', () => {
    const problems = validateServicePrincipal({ ...valid, tenant: 'contoso', clientId: 'app', secret: '' });
    expect(Object.keys(problems).sort()).toEqual(['clientId', 'secret', 'tenant']);
  });

  it('wants both the certificate and its private key in a PEM', () => {
    const certOnly = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const key = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
    expect(validateServicePrincipal({ ...valid, kind: 'certificate', pem: certOnly }).pem).toMatch(/private key/);
    expect(validateServicePrincipal({ ...valid, kind: 'certificate', pem: certOnly + key })).toEqual({});
  });
});
