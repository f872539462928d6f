// Resolves a scenario argument (`demo`, `fleet[:options]`, a JSON file path, or an object) to a validated
// Scenario. Reads files only when asked; never writes.
import { readFileSync } from 'node:fs';
import { parseScenario, type Scenario, type ScenarioInput } from '../scenario.js';
import { generateFleet, parseFleetSpec } from './fleet.js';

export type ScenarioSpec = 'demo' | 'fleet' | (string & {}) | ScenarioInput;

export const demoScenarioPath = new URL('./demo.json', import.meta.url);

function readJson(path: string | URL, source: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`Scenario ${source}: cannot read the file (${err instanceof Error ? err.message : String(err)})`, {
      cause: err,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`Scenario ${source}: not valid JSON (${err instanceof Error ? err.message : String(err)})`, {
      cause: err,
    });
  }
}

export function loadScenario(spec: ScenarioSpec): Scenario {
  if (typeof spec !== 'string') return parseScenario(spec, 'object');
  if (spec === 'demo') return parseScenario(readJson(demoScenarioPath, 'demo'), 'demo');
  if (spec === 'fleet' || spec.startsWith('fleet:')) return generateFleet(parseFleetSpec(spec));
  return parseScenario(readJson(spec, spec), spec);
}
