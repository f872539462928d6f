// `npm run check:fuses` (the release workflow runs it after packaging): reads the fuses back from every packaged
// binary in release/ and fails if one differs from electron-builder.yml, or if nothing was packaged.
import { join } from 'node:path';
import { getConfig as readConfigFile } from 'app-builder-lib/out/util/config/load.js';
import { fuseProblems, packagedBinaries, type ExpectedFuses } from './fuses-lib.js';

const root = join(import.meta.dirname, '..');

async function main(): Promise<number> {
  const request = { packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null };
  const config = (await readConfigFile<Record<string, unknown>>(request, join(root, 'electron-builder.yml')))?.result;
  const { resetAdHocDarwinSignature: _ignored, ...expected } = (config?.['electronFuses'] ?? {}) as ExpectedFuses & {
    resetAdHocDarwinSignature?: boolean;
  };
  const linux = (config?.['linux'] ?? {}) as { executableName?: string };
  const binaries = packagedBinaries(
    join(root, 'release'),
    linux.executableName ?? 'cloud-desk',
    String(config?.['productName'] ?? 'Cloud Desk'),
  );
  if (binaries.length === 0) {
    console.error('No packaged app found in release/: run electron-builder first.');
    return 1;
  }
  let failed = false;
  for (const binary of binaries) {
    const problems = await fuseProblems(binary, expected);
    if (problems.length === 0) console.log(`fuses OK: ${binary}`);
    else {
      failed = true;
      console.error(`fuses WRONG: ${binary}\n  ${problems.join('\n  ')}`);
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
