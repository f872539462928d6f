// "Copy diagnostics": what a support person needs to know about this install, as plain text. Versions,
// platform, runtime, which kinds of cloud are in use and how secrets are stored; never names, ids, paths,
// tokens or anything else personal. No Electron imports.
import type { AccountSummary, AppInfo, AppStatus, Cloud } from '../../preload/contract.js';

export interface DiagnosticsInput {
  info: AppInfo;
  status: AppStatus;
  accounts: readonly AccountSummary[];
  clouds: readonly Cloud[];
  /** Lines other areas add (e.g. the proxy mode), as label and value. */
  extra?: readonly (readonly [string, string])[];
}

export function diagnosticsText({ info, status, accounts, clouds, extra = [] }: DiagnosticsInput): string {
  // Kinds (public, china, usgov, custom), not names: a custom cloud's name can say whose it is.
  const kindOf = (cloudId: string): string => clouds.find((cloud) => cloud.id === cloudId)?.kind ?? 'custom';
  const kinds = [...new Set(accounts.map((account) => kindOf(account.cloudId)))].sort();
  const storage = status.secretStorage;
  const lines: [string, string][] = [
    ['Cloud Desk', info.version],
    ['Runtime', info.runtime === 'electron' ? 'desktop app' : 'browser preview'],
    ['Packaged', info.packaged ? 'yes' : 'no'],
    ['Platform', `${info.platform} ${info.arch}`],
    ['Electron', info.versions.electron ?? '-'],
    ['Chromium', info.versions.chrome ?? '-'],
    ['Node.js', info.versions.node],
    ['Clouds in use', kinds.length > 0 ? kinds.join(', ') : 'none'],
    [
      'Accounts',
      `${accounts.filter((a) => a.kind === 'user').length} user, ${accounts.filter((a) => a.kind === 'service_principal').length} service principal`,
    ],
    ['Secret storage', `${storage.mode}${storage.backend ? ` (${storage.backend})` : ''}`],
    ['Online', status.online ? 'yes' : 'no'],
    ...extra.map(([label, value]): [string, string] => [label, value]),
  ];
  return lines.map(([label, value]) => `${label}: ${value}`).join('\n');
}
