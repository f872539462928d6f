// Settings > Network as typed: checked against the contract's own schema (so it cannot drift from what main
// accepts), with the bad field named. Pure: no React, no bridge.
import {
  networkSettingsSchema,
  pemPattern,
  type NetworkSettings,
  type ProxyMode,
} from '../../../preload/contract-network';

export interface NetworkDraft {
  proxyMode: ProxyMode;
  proxyUrl: string;
  proxyBypass: string;
  proxyUsername: string;
}
type Problems = Partial<Record<keyof NetworkDraft, string>>;

export function draftOf(settings: NetworkSettings): NetworkDraft {
  const { proxyMode, proxyUrl, proxyBypass, proxyUsername } = settings;
  return { proxyMode, proxyUrl, proxyBypass, proxyUsername };
}

/** The draft as a settings patch, or the problems by field. */
export function checkNetworkDraft(draft: NetworkDraft): { patch: NetworkDraft } | { problems: Problems } {
  const candidate: NetworkDraft = {
    proxyMode: draft.proxyMode,
    proxyUrl: draft.proxyUrl.trim(),
    proxyBypass: draft.proxyBypass.trim(),
    proxyUsername: draft.proxyUsername.trim(),
  };
  const problems: Problems = {};
  if (candidate.proxyMode === 'manual' && candidate.proxyUrl === '') {
    problems.proxyUrl = 'Enter the proxy URL, e.g. http://proxy.contoso.com:8080.';
  }
  const parsed = networkSettingsSchema.pick({ proxyUrl: true, proxyBypass: true, proxyUsername: true }).safeParse({
    proxyUrl: candidate.proxyUrl,
    proxyBypass: candidate.proxyBypass,
    proxyUsername: candidate.proxyUsername,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof NetworkDraft;
      // The URL is a union of '' and a URL: name the URL's own rule rather than the union's.
      problems[field] ??=
        field === 'proxyUrl'
          ? 'The proxy URL must be http:// or https:// with a host, e.g. http://proxy.contoso.com:8080, and no user name or password in it.'
          : `This ${issue.message}.`;
    }
  }
  return Object.keys(problems).length > 0 ? { problems } : { patch: candidate };
}

/** Why a chosen CA file cannot be used, or null when it holds at least one PEM certificate. */
export function checkCaFile(text: string): string | null {
  if (text.length > 512 * 1024) return 'The file is larger than 512 KB; choose a file with just the CA certificates.';
  if (!pemPattern.test(text)) {
    return 'The file holds no PEM certificate (-----BEGIN CERTIFICATE-----). Export the CA as Base-64 encoded X.509 (.pem, .crt).';
  }
  return null;
}
