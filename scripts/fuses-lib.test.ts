// The fuse check against synthetic Electron binaries (the sentinel and a fuse wire, as Electron lays them out):
// flipped with @electron/fuses exactly as electron-builder does, then read back.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { fuseByte, fuseNames, fuseProblems, packagedBinaries, type ExpectedFuses } from './fuses-lib.js';

const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseCount = Object.keys(FuseV1Options).length / 2;

function fakeBinary(dir: string, name: string): string {
  const path = join(dir, name);
  const wire = Buffer.from([1, fuseCount, ...Array.from({ length: fuseCount }, () => fuseByte.enable)]);
  writeFileSync(path, Buffer.concat([Buffer.from('ELF...'), Buffer.from(sentinel), wire, Buffer.from('...end')]));
  return path;
}

const expected: ExpectedFuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

describe('fuseProblems', () => {
  it('names every fuse Electron has', () => {
    expect(Object.values(fuseNames).sort()).toEqual(
      Object.values(FuseV1Options)
        .filter((value) => typeof value === 'number')
        .sort(),
    );
  });

  it('reports each fuse left at its default', async () => {
    const binary = fakeBinary(mkdtempSync(join(tmpdir(), 'fuses-')), 'cloud-desk');
    expect(await fuseProblems(binary, expected)).toEqual([
      'runAsNode is enable, expected disable',
      'enableNodeOptionsEnvironmentVariable is enable, expected disable',
      'enableNodeCliInspectArguments is enable, expected disable',
      'loadBrowserProcessSpecificV8Snapshot is enable, expected disable',
      'grantFileProtocolExtraPrivileges is enable, expected disable',
    ]);
  });

  it('passes a binary flipped the way electron-builder flips it', async () => {
    const binary = fakeBinary(mkdtempSync(join(tmpdir(), 'fuses-')), 'cloud-desk');
    await flipFuses(binary, {
      version: FuseVersion.V1,
      ...Object.fromEntries(
        Object.entries(expected).map(([name, on]) => [fuseNames[name as keyof typeof fuseNames], on]),
      ),
    });
    expect(await fuseProblems(binary, expected)).toEqual([]);
  });
});

describe('packagedBinaries', () => {
  it('finds the unpacked app of every OS and architecture electron-builder leaves', () => {
    const release = mkdtempSync(join(tmpdir(), 'release-'));
    for (const dir of ['linux-unpacked', 'linux-arm64-unpacked', 'win-unpacked', 'mac-arm64/Cloud Desk.app', 'other']) {
      mkdirSync(join(release, dir), { recursive: true });
    }
    writeFileSync(join(release, 'linux-unpacked', 'cloud-desk'), '');
    writeFileSync(join(release, 'linux-arm64-unpacked', 'cloud-desk'), '');
    writeFileSync(join(release, 'win-unpacked', 'Cloud Desk.exe'), '');
    writeFileSync(join(release, 'cloud-desk-1.0.0-linux-x86_64.AppImage'), '');
    expect(packagedBinaries(release, 'cloud-desk', 'Cloud Desk').map((p) => p.slice(release.length + 1))).toEqual([
      'linux-arm64-unpacked/cloud-desk',
      'linux-unpacked/cloud-desk',
      'mac-arm64/Cloud Desk.app',
      'win-unpacked/Cloud Desk.exe',
    ]);
  });
});
