// Test fixture, run as a child process by snapshot-store.test.ts: writes big snapshots in a loop through the
// real JsonFileStore + SecretVault + SnapshotStore, printing each generation it finished, until it is killed.
import { JsonFileStore } from '../storage/json-file-store.js';
import { SecretVault } from '../storage/secret-vault.js';
import { systemClock } from '../system-clock.js';
import { MemoryCipher, RecordingLogger } from '../testing/fakes.js';
import { SnapshotStore } from './snapshot-store.js';
import { snapshotOf } from './snapshot-fixture-data.js';

const file = process.argv[2];
if (!file) throw new Error('usage: snapshot-writer.fixture.ts <store file>');
const logger = new RecordingLogger();
const { store } = JsonFileStore.open(file, { clock: systemClock, logger });
const vault = new SecretVault(store, new MemoryCipher(), { clock: systemClock, logger, allowWeak: () => false });
await vault.refreshStatus();
const snapshots = new SnapshotStore(vault, logger);
for (let generation = 1; ; generation += 1) {
  await snapshots.save(snapshotOf(generation, 10_000));
  process.stdout.write(`wrote ${generation}\n`);
}
