// The quit gate: one stop of the services however often `before-quit` fires, then the real quit.
import { describe, expect, it } from 'vitest';
import { RecordingLogger } from '../testing/fakes.js';
import { QuitGate } from './quit-gate.js';

function quitEvent(): { preventDefault(): void; prevented: boolean } {
  const event = {
    prevented: false,
    preventDefault: () => {
      event.prevented = true;
    },
  };
  return event;
}

function gate(stop: () => Promise<void>, logger = new RecordingLogger()) {
  let quits = 0;
  const quitGate = new QuitGate(stop, () => (quits += 1), logger);
  return { quitGate, quits: () => quits, logger };
}

describe('QuitGate', () => {
  it('stops the services once when before-quit fires again while they stop, then quits', async () => {
    let stops = 0;
    let finish = (): void => undefined;
    const { quitGate, quits } = gate(() => {
      stops += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = quitEvent();
    const second = quitEvent();
    quitGate.beforeQuit(first);
    quitGate.beforeQuit(second);
    expect({ stops, first: first.prevented, second: second.prevented, quits: quits() }).toEqual({
      stops: 1,
      first: true,
      second: true,
      quits: 0,
    });
    finish();
    await expect.poll(quits).toBe(1);
    const afterStop = quitEvent();
    quitGate.beforeQuit(afterStop);
    expect({ stops, prevented: afterStop.prevented }).toEqual({ stops: 1, prevented: false });
  });

  it('still quits when the services fail to stop, and logs why', async () => {
    const { quitGate, quits, logger } = gate(() => Promise.reject(new Error('vault busy')));
    quitGate.beforeQuit(quitEvent());
    await expect.poll(quits).toBe(1);
    expect(logger.lines.map((line) => line.message)).toContain('services did not stop cleanly');
  });
});
