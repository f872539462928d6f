// Turns what an updater throws into words for the user: what failed, the likely cause, and that the app tries
// again by itself. Raw details go to the log, not the UI. No Electron imports.
const offline =
  /ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_NETWORK_CHANGED|ERR_CONNECTION_|ERR_PROXY_|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|socket hang up/i;
const notFound = /\b404\b|Cannot find latest|No published versions|Cannot find .*\.yml/i;
const signature =
  /not signed by the application owner|publisherName|code signature|signature verification|sha512 checksum mismatch/i;
const disk = /ENOSPC|EACCES|EPERM|EROFS/;

export function describeUpdateError(error: unknown, during: 'check' | 'download'): string {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: unknown }).code ?? ''}` : String(error);
  const what =
    during === 'check' ? 'Cloud Desk could not check for updates' : 'Cloud Desk could not download the update';
  if (offline.test(text)) return `${what}: the update server could not be reached (offline, or blocked by a proxy).`;
  if (signature.test(text)) {
    return `${what}: the downloaded file did not pass its signature check, so it was not installed.`;
  }
  if (notFound.test(text)) return `${what}: the update feed has no release for this version or channel yet.`;
  if (disk.test(text)) return `${what}: the update could not be saved (no space left or no permission).`;
  return `${what}: the update server answered with an error.`;
}
