// The service principal form's checks, the request it builds for each credential form, and which field a refusal
// from Entra ID marks.
import { describe, expect, it } from 'vitest';
import { servicePrincipalArgsSchema } from '../../../preload/contract';
import { bytesToBase64 } from '../../components/base64';
import {
  emptyDraft,
  fieldForError,
  toServicePrincipalArgs,
  validateServicePrincipal,
  type Draft,
} from './service-principal-form';

const certificate = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const key = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

const valid: Draft = {
  ...emptyDraft,
  cloudId: 'azure',
  tenant: 'contoso.onmicrosoft.com',
  clientId: '5ec2e700-aaaa-4b1c-9d2e-3f4a5b6c7d01',
  secret: 's3cret',
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

  it('wants both the certificate and its private key in a single PEM', () => {
    expect(validateServicePrincipal({ ...valid, kind: 'certificate', pem: certificate }).pem).toMatch(/private key/);
    expect(validateServicePrincipal({ ...valid, kind: 'certificate', pem: certificate + key })).toEqual({});
  });

  it('checks separate certificate and key files each for their own block', () => {
    const swapped = { ...valid, kind: 'certificate_and_key' as const, certificatePem: key, privateKeyPem: certificate };
    expect(Object.keys(validateServicePrincipal(swapped)).sort()).toEqual(['certificatePem', 'privateKeyPem']);
    expect(validateServicePrincipal({ ...swapped, certificatePem: certificate, privateKeyPem: key })).toEqual({});
  });

  it('wants a PFX file but not necessarily a password', () => {
    expect(validateServicePrincipal({ ...valid, kind: 'pfx' }).pfx).toBe('Choose the PFX or P12 file.');
    expect(validateServicePrincipal({ ...valid, kind: 'pfx', pfxBase64: 'MIIK' })).toEqual({});
  });
});

describe('toServicePrincipalArgs', () => {
  it('builds a request the contract accepts for every credential form, with the label when given', () => {
    const drafts: Draft[] = [
      { ...valid, label: '  Build agent  ' },
      { ...valid, kind: 'certificate', pem: certificate + key },
      { ...valid, kind: 'certificate_and_key', certificatePem: certificate, privateKeyPem: key },
      { ...valid, kind: 'pfx', pfxBase64: bytesToBase64(new Uint8Array([48, 130, 10])), password: 'pw' },
    ];
    for (const draft of drafts) {
      const args = toServicePrincipalArgs(draft, 'azure');
      expect(servicePrincipalArgsSchema.safeParse(args).success).toBe(true);
      expect(args.credential.kind).toBe(draft.kind);
    }
    expect(toServicePrincipalArgs(drafts[0] ?? valid, 'azure').label).toBe('Build agent');
    expect(toServicePrincipalArgs(valid, 'azure')).not.toHaveProperty('label');
  });
});

describe('fieldForError', () => {
  const refused = (message: string) => ({ code: 'forbidden' as const, message });

  it('marks the secret for a wrong secret, with the code', () => {
    const error = refused('The service principal could not sign in: AADSTS7000215: Invalid client secret provided.');
    expect(fieldForError(error, 'secret')).toEqual({
      field: 'secret',
      message: 'The secret was not accepted for this app (AADSTS7000215).',
    });
  });

  it('marks the certificate field the user filled for an unknown certificate', () => {
    const error = refused('AADSTS700027: Client assertion contains an invalid signature.');
    expect(fieldForError(error, 'pfx')?.field).toBe('pfx');
    expect(fieldForError(error, 'certificate_and_key')?.field).toBe('certificatePem');
  });

  it('leaves other errors to the form-wide message', () => {
    expect(fieldForError({ code: 'offline', message: 'No connection.' }, 'secret')).toBeUndefined();
    expect(fieldForError(refused('AADSTS70002150: something else'), 'secret')).toBeUndefined();
  });
});
