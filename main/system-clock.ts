// The real clock, behind the Clock port so services and tests agree on time.
import type { Clock } from './ports.js';

export const systemClock: Clock = { now: () => Date.now() };
