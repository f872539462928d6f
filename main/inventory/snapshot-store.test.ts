import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonFileStore } from '../storage/json-file-store.js';
import { SecretVault } from '../storage/secret-vault.js';
import { systemClock } from '../system-clock.js';
import { MemoryCipher, MemoryStore, RecordingLogger } from '../testing/fakes.js';
import { snapshotOf } from './snapshot-fixture-data.js';
import { snapshotBlobName, SnapshotStore } from './snapshot-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function storeOver(kv: ConstructorParameters<typeof SecretVault>[0], cipher = new MemoryCipher()) {
  const logger = new RecordingLogger();
  const vault = new SecretVault(kv, cipher, { clock: systemClock, logger, allowWeak: () => false });
  await vault.refreshStatus();
  return { snapshots: new SnapshotStore(vault, logger), logger, vault };
}

describe('SnapshotStore', () => {
  it('stores the snapshot encrypted and reads it back', async () => {
    const kv = new MemoryStore();
    const { snapshots } = await storeOver(kv);
    await snapshots.save(snapshotOf(1, 100));
    expect(JSON.stringify([...kv.data.values()])).not.toContain('vm-42');
    const loaded = await snapshots.load();
    expect(loaded?.vms).toHaveLength(100);
  });

  it("keeps a seen change's time, and drops the times of a version 1 snapshot (they may be the first listing)", async () => {
    const { snapshots, vault } = await storeOver(new MemoryStore());
    const saved = snapshotOf(1, 50);
    saved.vms = saved.vms.map((vm) => ({ ...vm, powerState: 'running', powerStateAt: '2026-11-30T10:00:00.000Z' }));
    await snapshots.save(saved);
    expect((await snapshots.load())?.vms[0]?.powerStateAt).toBe('2026-11-30T10:00:00.000Z');
    await vault.write(snapshotBlobName, JSON.stringify({ version: 1, ...saved }));
    const old = await snapshots.load();
    expect(old?.vms).toHaveLength(50);
    expect(old?.vms.every((vm) => vm.powerState === 'running' && vm.powerStateAt === undefined)).toBe(true);
  });

  it('starts without a snapshot it cannot decrypt, and says so in the log', async () => {
    const kv = new MemoryStore();
    const cipher = new MemoryCipher();
    await (await storeOver(kv, cipher)).snapshots.save(snapshotOf(1, 10));
    cipher.fail = true;
    const { snapshots, logger } = await storeOver(kv, cipher);
    expect(await snapshots.load()).toBeUndefined();
    expect(logger.lines.some((line) => /could not be decrypted/.test(line.message))).toBe(true);
    expect(kv.get(`vault:${snapshotBlobName}`)).toBeUndefined();
  });

  it('leaves a whole previous snapshot readable when the writing process is killed mid-write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloud-desk-snapshot-'));
    dirs.push(dir);
    const file = join(dir, 'inventory.json');
    const writer = fileURLToPath(new URL('./snapshot-writer.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill it while it writes: right after it reported a generation, the next write (5 MB) is under way.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (/wrote 3/.test(chunk.toString())) {
          setImmediate(() => child.kill('SIGKILL'));
          resolve();
        }
      });
      child.once('exit', () => reject(new Error('the writer stopped before it was killed')));
    });
    await exited;

    const logger = new RecordingLogger();
    const { store, recovered } = JsonFileStore.open(file, { clock: systemClock, logger });
    expect(recovered).toBeUndefined();
    const { snapshots } = await storeOver(store);
    const loaded = await snapshots.load();
    expect(loaded?.vms).toHaveLength(10_000);
    const generations = new Set(loaded?.vms.map((vm) => vm.tags['generation']));
    expect(generations.size).toBe(1);
    expect(Number([...generations][0])).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
