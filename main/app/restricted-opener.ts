// Wraps a BrowserOpener so only https URLs on allowed hosts ever reach the system browser: a compromised
// renderer or a poisoned response cannot make the app open file:, javascript: or arbitrary sites.
import { ServiceError } from '../errors.js';
import type { BrowserOpener } from '../ports.js';

export function restrictOpener(inner: BrowserOpener, allowedHosts: () => readonly string[]): BrowserOpener {
  return {
    async open(url: string): Promise<void> {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new ServiceError('invalid_input', 'That link is not a valid web address.');
      }
      const hostAllowed = allowedHosts().some((host) => host.toLowerCase() === parsed.host.toLowerCase());
      if (parsed.protocol !== 'https:' || !hostAllowed) {
        throw new ServiceError('forbidden', `Cloud Desk does not open links to ${parsed.host || url}.`);
      }
      await inner.open(parsed.toString());
    },
  };
}
