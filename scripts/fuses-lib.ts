// Reads the Electron fuses back from packaged binaries and compares them with electron-builder.yml's
// `electronFuses`, so a release cannot ship with a fuse in the wrong state. Used by scripts/check-fuses.ts
// (the release workflow) and tested offline against a synthetic fuse wire.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** A fuse's byte in the wire: ASCII '0' and '1' (@electron/fuses does not export its FuseState enum). */
export const fuseByte = { disable: 0x30, enable: 0x31 } as const;

/** electron-builder's camelCase fuse names, as in electron-builder.yml, mapped to the wire positions. */
export const fuseNames = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
} as const satisfies Record<string, FuseV1Options>;

export type ExpectedFuses = Partial<Record<keyof typeof fuseNames, boolean>>;

/** What is wrong with one binary's fuses; empty when every configured fuse is as configured. */
export async function fuseProblems(binary: string, expected: ExpectedFuses): Promise<string[]> {
  const wire = await getCurrentFuseWire(binary);
  const problems: string[] = [];
  for (const [name, want] of Object.entries(expected) as [keyof typeof fuseNames, boolean][]) {
    const actual: unknown = (wire as Partial<Record<FuseV1Options, unknown>>)[fuseNames[name]];
    const wanted = want ? fuseByte.enable : fuseByte.disable;
    if (actual !== wanted) {
      const words =
        actual === fuseByte.enable
          ? 'enable'
          : actual === fuseByte.disable
            ? 'disable'
            : actual === undefined
              ? 'missing'
              : `in state ${String(actual)}`;
      problems.push(`${name} is ${words}, expected ${want ? 'enable' : 'disable'}`);
    }
  }
  return problems;
}

/** The packaged app binaries electron-builder leaves in `release/` (every OS and architecture built here). */
export function packagedBinaries(releaseDir: string, executableName: string, productName: string): string[] {
  if (!existsSync(releaseDir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(releaseDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(releaseDir, entry.name);
    if (/^mac(-arm64|-universal)?$/.test(entry.name)) {
      const app = join(dir, `${productName}.app`);
      if (existsSync(app)) found.push(app);
    } else if (/^win(-arm64|-ia32)?-unpacked$/.test(entry.name)) {
      const exe = join(dir, `${productName}.exe`);
      if (existsSync(exe)) found.push(exe);
    } else if (/^linux(-arm64|-armv7l)?-unpacked$/.test(entry.name)) {
      const bin = join(dir, executableName);
      if (existsSync(bin)) found.push(bin);
    }
  }
  return found.sort();
}
