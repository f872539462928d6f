// Service-principal sign-in with the real @azure/identity credentials (secret and certificate) against the
// emulator, and the resulting tokens used by a real ARM SDK client.
import { readFileSync } from 'node:fs';
import { ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index.js';
import { demo } from '../testing/demo-ids.js';
import { httpsCall } from '../testing/https-json.js';

let emu: RunningEmulator;
const scope = 'https://management.azure.com/.default';

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo' });
});
afterAll(async () => {
  await emu.close();
});

/** How the SDK is pointed at the emulator: custom authority host, no instance discovery, the run's CA. */
function sdkOptions() {
  return {
    authorityHost: emu.authority,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emu.caPem },
  };
}

describe('@azure/identity service principals', () => {
  it('ClientSecretCredential gets an app token that ARM accepts', async () => {
    const credential = new ClientSecretCredential(
      demo.tenants.contoso,
      demo.secretSp.clientId,
      demo.secretSp.secret,
      sdkOptions(),
    );
    const token = await credential.getToken(scope);
    const claims = await emu.verifyAccessToken(token.token);
    expect(claims).toMatchObject({
      idtyp: 'app',
      oid: demo.secretSp.objectId,
      appid: demo.secretSp.clientId,
      tid: demo.tenants.contoso,
    });

    const client = new SubscriptionClient(credential, {
      endpoint: emu.arm,
      credentials: { scopes: [scope] },
      tlsOptions: { ca: emu.caPem },
    });
    const names: string[] = [];
    for await (const s of client.subscriptions.list()) names.push(s.displayName ?? '');
    expect(names.sort()).toEqual(['Contoso Dev/Test', 'Contoso Production']);
  });

  it('ClientSecretCredential with a wrong secret fails with AADSTS7000215', async () => {
    const credential = new ClientSecretCredential(
      demo.tenants.contoso,
      demo.secretSp.clientId,
      'not-the-secret',
      sdkOptions(),
    );
    await expect(credential.getToken(scope)).rejects.toThrow(/AADSTS7000215/);
  });

  it('ClientCertificateCredential signs a client assertion the emulator verifies against the registered cert', async () => {
    const pem = readFileSync(demo.certSp.certFile, 'utf8') + readFileSync(demo.certSp.keyFile, 'utf8');
    const credential = new ClientCertificateCredential(
      demo.tenants.fabrikam,
      demo.certSp.clientId,
      { certificate: pem },
      sdkOptions(),
    );
    const token = await credential.getToken(scope);
    expect(decodeJwt(token.token)).toMatchObject({
      appidacr: '2',
      oid: demo.certSp.objectId,
      tid: demo.tenants.fabrikam,
    });
  });

  it('rejects a client assertion signed by an unregistered certificate', async () => {
    const assertionUrl = `${emu.authority}/${demo.tenants.fabrikam}/oauth2/v2.0/token`;
    const res = await httpsCall(assertionUrl, emu.caPem, {
      form: {
        grant_type: 'client_credentials',
        client_id: demo.certSp.clientId,
        scope,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: 'eyJhbGciOiJSUzI1NiIsIng1dCI6IkFBQUEifQ.eyJhdWQiOiJ4In0.c2ln',
      },
    });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: 'invalid_client', error_codes: [700027] });
  });
});
