// Parses `clouddesk://` links strictly: `clouddesk://subscription/<id>` and
// `clouddesk://vm/<subscription id>/<resource group>/<vm name>`, nothing else (no user, port, query or
// fragment; ids and names checked by the contract's schema). Pure; no Electron imports.
import { deepLinkTargetSchema, type DeepLinkTarget } from '../../preload/contract-desktop.js';

export const deepLinkScheme = 'clouddesk';
const maxLength = 1024;

export type ParsedLink = { ok: true; target: DeepLinkTarget } | { ok: false; reason: string };

export function parseDeepLink(raw: string): ParsedLink {
  if (raw.length > maxLength) return { ok: false, reason: 'too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== `${deepLinkScheme}:`) return { ok: false, reason: 'not a clouddesk: link' };
  if (url.username || url.password || url.port || url.search || url.hash) {
    return { ok: false, reason: 'has a user, port, query or fragment' };
  }
  let segments: string[];
  try {
    segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return { ok: false, reason: 'badly escaped' };
  }
  if (segments.at(-1) === '') segments.pop();
  const candidate =
    url.hostname === 'subscription' && segments.length === 1
      ? { kind: 'subscription', subscriptionId: segments[0]?.toLowerCase() }
      : url.hostname === 'vm' && segments.length === 3
        ? { kind: 'vm', subscriptionId: segments[0]?.toLowerCase(), resourceGroup: segments[1], name: segments[2] }
        : undefined;
  if (!candidate) return { ok: false, reason: `unknown link kind "${url.hostname}"` };
  const parsed = deepLinkTargetSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') ?? 'link'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, target: parsed.data };
}

/** The link in a command line (Windows and Linux pass it to the new instance's argv), if any. */
export function deepLinkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${deepLinkScheme}:`));
}
