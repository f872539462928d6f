import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudConfigNotices, loadClouds } from './cloud-config.js';
import { armScope, builtInClouds } from './clouds.js';

const dir = mkdtempSync(join(tmpdir(), 'cloud-desk-clouds-'));
const write = (name: string, content: string): string => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('loadClouds', () => {
  it('offers the three Azure clouds without a custom config', () => {
    expect(loadClouds(undefined).clouds.map((c) => c.id)).toEqual(['azure', 'azure-china', 'azure-us-government']);
    expect(armScope(builtInClouds[0] ?? builtInClouds[1]!)).toBe('https://management.azure.com/.default');
  });

  it('adds a custom cloud with its CA bundle and client id', () => {
    write('ca.pem', '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    const file = write(
      'cloud.json',
      JSON.stringify({
        name: 'Contoso Stack Hub',
        authorityHost: 'https://login.contoso.local:8443/',
        armEndpoint: 'https://management.contoso.local',
        caFile: 'ca.pem',
        clientId: '0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1',
      }),
    );
    const { clouds, problem } = loadClouds(file);
    expect(problem).toBeUndefined();
    expect(clouds[0]).toMatchObject({
      id: 'custom-contoso-stack-hub',
      kind: 'custom',
      authorityHost: 'https://login.contoso.local:8443',
      armAudience: 'https://management.contoso.local/',
      clientId: '0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1',
    });
    expect(clouds[0]?.caPem).toContain('BEGIN CERTIFICATE');
  });

  it.each([
    [
      'plain http',
      { name: 'x', authorityHost: 'http://login.local', armEndpoint: 'https://arm.local' },
      'authorityHost',
    ],
    ['a missing field', { name: 'x', authorityHost: 'https://login.local' }, 'armEndpoint'],
    [
      'a bad client id',
      { name: 'x', authorityHost: 'https://a', armEndpoint: 'https://b', clientId: 'nope' },
      'clientId',
    ],
  ])('reports %s by field name and keeps the Azure clouds', (_name, config, field) => {
    const { clouds, problem } = loadClouds(write('bad.json', JSON.stringify(config)));
    expect(problem).toContain(field);
    expect(clouds).toHaveLength(3);
  });

  it('reports an unreadable file', () => {
    expect(loadClouds(write('garbage.json', '{oops')).problem).toContain('could not be loaded');
    expect(loadClouds(join(dir, 'missing.json')).problem).toContain('could not be loaded');
  });

  it('gives the start-up notice for a file that could not be loaded, and none without a problem', () => {
    const failed = loadClouds(join(dir, 'missing.json'));
    expect(cloudConfigNotices(failed)).toEqual({
      startupProblems: [
        { id: 'cloud-config', level: 'error', title: 'Custom cloud not loaded', message: failed.problem },
      ],
    });
    expect(cloudConfigNotices(loadClouds(undefined))).toEqual({});
  });
});
