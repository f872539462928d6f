// Per-cloud connectivity on a fake clock: one cloud offline leaves the others online, offline clouds are
// re-checked with back-off until they answer, and the OS saying the network is back re-checks them at once.
import { describe, expect, it } from 'vitest';
import { FakeTime, RecordingLogger } from '../testing/fakes.js';
import { CloudConnectivity, Connectivity } from './connectivity.js';

const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

function setup() {
  const time = new FakeTime('2026-11-30T12:00:00Z');
  const probes: { cloudId: string; at: number }[] = [];
  let reachable = false;
  const connectivity: CloudConnectivity = new CloudConnectivity({
    clock: time,
    scheduler: time,
    logger: new RecordingLogger(),
    firstDelayMs: 5_000,
    maxDelayMs: 20_000,
    probe: (cloudId) => {
      probes.push({ cloudId, at: time.now() - Date.parse('2026-11-30T12:00:00Z') });
      const link = connectivity.link(cloudId);
      if (reachable) link.reportSuccess();
      else link.reportFailure(refused);
      return Promise.resolve();
    },
  });
  const settle = async (): Promise<void> => {
    for (let n = 0; n < 10; n += 1) await Promise.resolve();
  };
  return {
    time,
    connectivity,
    probes,
    settle,
    comeBack: () => {
      reachable = true;
    },
  };
}

describe('CloudConnectivity', () => {
  it('keeps the other clouds online when one cannot be reached', () => {
    const { connectivity } = setup();
    connectivity.link('azure').reportSuccess();
    connectivity.link('custom-lab').reportFailure(refused);
    expect(connectivity.status(['azure', 'custom-lab', 'azure-china']).map((cloud) => cloud.online)).toEqual([
      true,
      false,
      true,
    ]);
    expect(connectivity.online).toBe(true);
  });

  it('is offline as a whole only when no contacted cloud answers', () => {
    const { connectivity } = setup();
    expect(connectivity.online).toBe(true);
    connectivity.link('azure').reportFailure(refused);
    expect(connectivity.online).toBe(false);
  });

  it('ignores HTTP error answers: the host was reached', () => {
    const link = new Connectivity(() => 0);
    link.reportFailure(Object.assign(new Error('503'), { statusCode: 503 }));
    expect(link.online).toBe(true);
  });

  it('re-checks an offline cloud with back-off until it answers, and says when the next check is', async () => {
    const { time, connectivity, probes, settle, comeBack } = setup();
    connectivity.link('azure').reportFailure(refused);
    expect(connectivity.status(['azure'])[0]?.nextCheckAt).toBe('2026-11-30T12:00:05.000Z');
    for (let n = 0; n < 4; n += 1) {
      time.advance(time.due()[0]! - time.now());
      await settle();
    }
    expect(probes.map((probe) => probe.at)).toEqual([5_000, 15_000, 35_000, 55_000]);
    comeBack();
    time.advance(time.due()[0]! - time.now());
    await settle();
    expect(connectivity.isOnline('azure')).toBe(true);
    expect(time.due()).toEqual([]);
    expect(connectivity.status(['azure'])[0]?.nextCheckAt).toBeUndefined();
  });

  it('re-checks at once when the OS says the network is back, and marks every cloud offline when it is gone', async () => {
    const { connectivity, probes, settle, comeBack } = setup();
    connectivity.link('azure').reportSuccess();
    connectivity.networkChanged(false);
    expect(connectivity.isOnline('azure')).toBe(false);
    comeBack();
    connectivity.networkChanged(true);
    await settle();
    expect(probes.map((probe) => probe.at)).toEqual([0]);
    expect(connectivity.isOnline('azure')).toBe(true);
  });

  it('tells listeners about every change and stops its timers on stop', () => {
    const { time, connectivity } = setup();
    let changes = 0;
    connectivity.onChange(() => (changes += 1));
    connectivity.link('azure').reportFailure(refused);
    expect(changes).toBe(1);
    connectivity.stop();
    expect(time.due()).toEqual([]);
  });
});
