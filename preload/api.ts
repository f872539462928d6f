// Builds `window.cloudDesk` from the contract over a transport. Shared by the Electron preload (ipcRenderer)
// and the browser preview bridge (WebSocket), so the renderer cannot tell them apart. No Electron, no Node.
import { channels, eventNames, type Channel, type CloudDeskApi, type EventName, type Result } from './contract.js';

export interface BridgeTransport {
  invoke(channel: Channel, arg: unknown): Promise<Result<unknown>>;
  /** Starts delivering one event name to `deliver`; returns the stop function. */
  listen(name: EventName, deliver: (payload: unknown) => void): () => void;
}

function freezeDeep<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null) freezeDeep(inner);
  }
  return Object.freeze(value);
}

export function buildApi(transport: BridgeTransport): CloudDeskApi {
  const groups: Record<string, Record<string, (arg?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of channels) {
    const [group, method] = channel.split('.') as [string, string];
    const target = (groups[group] ??= {});
    target[method] = (arg?: unknown) => transport.invoke(channel, arg);
  }
  const on = (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!eventNames.includes(name)) throw new TypeError(`Unknown event: ${String(name)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    return transport.listen(name, listener);
  };
  // The generated object has exactly the contract's shape; TypeScript cannot follow the string splitting.
  return freezeDeep({ ...groups, events: { on } }) as unknown as CloudDeskApi;
}

/** Dotted paths of every function the API exposes, e.g. `settings.get`, `events.on`. */
export function apiFunctionPaths(api: object, prefix = ''): string[] {
  return Object.entries(api).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'function') return [path];
    if (typeof value === 'object' && value !== null) return apiFunctionPaths(value, path);
    return [`${path}:${typeof value}`];
  });
}
