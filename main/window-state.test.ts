import { describe, expect, it } from 'vitest';
import { displaysKey, rememberBounds, restoreBounds, type WindowState } from './window-state.js';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
const external = { x: 1920, y: 0, width: 2560, height: 1440 };

const onLaptop: WindowState = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
const onExternal: WindowState = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true };

describe('restoreBounds', () => {
  it('restores bounds on a display that exists', () => {
    expect(restoreBounds(onExternal, [laptop, external])).toEqual(onExternal);
  });

  it('drops bounds on a display that was unplugged', () => {
    expect(restoreBounds(onExternal, [laptop])).toBeUndefined();
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

describe('bounds per arrangement of displays', () => {
  it('brings the window back to where it was for the laptop alone and for the laptop with the monitor', () => {
    let stored: unknown = undefined;
    stored = rememberBounds(stored, [laptop], onLaptop);
    stored = rememberBounds(stored, [external, laptop], onExternal);
    expect(restoreBounds(stored, [laptop])).toEqual(onLaptop);
    expect(restoreBounds(stored, [laptop, external])).toEqual(onExternal);
  });

  it('uses the last bounds on an arrangement it has not seen, if they are visible there', () => {
    const stored = rememberBounds(undefined, [laptop], onLaptop);
    const bigger = { x: 0, y: 0, width: 2560, height: 1440 };
    expect(restoreBounds(stored, [bigger])).toEqual(onLaptop);
  });

  it('reads the single bounds older versions saved, and keeps at most eight arrangements', () => {
    let stored: unknown = onLaptop;
    expect(restoreBounds(stored, [laptop])).toEqual(onLaptop);
    for (let i = 0; i < 10; i += 1) stored = rememberBounds(stored, [{ ...laptop, width: 1000 + i }], onLaptop);
    const byDisplays = (stored as { byDisplays: Record<string, unknown> }).byDisplays;
    expect(Object.keys(byDisplays)).toHaveLength(8);
    expect(byDisplays[displaysKey([{ ...laptop, width: 1009 }])]).toEqual(onLaptop);
    expect(byDisplays[displaysKey([{ ...laptop, width: 1000 }])]).toBeUndefined();
  });
});
