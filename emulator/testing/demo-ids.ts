// Well-known ids of the built-in demo scenario (emulator/scenarios/demo.json), for tests and docs examples.
// Test code only; keep in step with demo.json.
export const demo = {
  clientId: '0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1',
  tenants: {
    contoso: '6f1c2a4e-8b3d-4c7a-9e21-5d0b7f3a1c01',
    fabrikam: '2b7e9d10-4a6c-4f3e-8d52-a1c9e0b74f02',
    northwind: '9c4d8e21-3f7a-4b6d-a0e5-7b2c1d9f8e03',
  },
  alice: { id: 'a11ce000-5e7d-4c1a-9b2f-3d4e5f6a7b01', username: 'alice@contoso.test', password: 'Alice#Demo1' },
  bob: { id: 'b0b00000-6f8e-4d2b-8c3a-4e5f6a7b8c02', username: 'bob@fabrikam.test', password: 'Bob#Demo1' },
  secretSp: {
    clientId: '5ec2e700-aaaa-4b1c-9d2e-3f4a5b6c7d01',
    objectId: '5ec2e700-bbbb-4b1c-9d2e-3f4a5b6c7d02',
    secret: 'emulator-test-secret-not-real-0001',
  },
  certSp: {
    clientId: 'ce27ce27-aaaa-4c2d-8e3f-4a5b6c7d8e01',
    objectId: 'ce27ce27-bbbb-4c2d-8e3f-4a5b6c7d8e02',
    certFile: new URL('../scenarios/demo-sp-cert.test-only.pem', import.meta.url),
    keyFile: new URL('../scenarios/demo-sp-key.test-only.pem', import.meta.url),
  },
  subscriptions: { contosoProduction: '1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a01' },
} as const;
