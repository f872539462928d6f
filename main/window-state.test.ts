import { describe, expect, it } from 'vitest';
import { restoreBounds } from './window-state.js';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
const external = { x: 1920, y: 0, width: 2560, height: 1440 };

describe('restoreBounds', () => {
  it('restores bounds on a display that exists', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(saved, [laptop, external])).toEqual(saved);
  });

  it('drops bounds on a display that was unplugged', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: true };
    expect(restoreBounds(saved, [laptop])).toBeUndefined();
  });

  it('drops bounds that only overlap by a sliver', () => {
    expect(restoreBounds({ x: 1910, y: 1070, width: 800, height: 600, maximized: false }, [laptop])).toBeUndefined();
  });

  it.each([undefined, null, 'big', { x: 0, y: 0, width: 10, height: 10, maximized: false }, { x: 0 }])(
    'ignores malformed stored state %j',
    (stored) => {
      expect(restoreBounds(stored, [laptop])).toBeUndefined();
    },
  );
});
