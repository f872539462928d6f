// Words for each update phase, shared by About and the banner; pure so they are tested without a browser.
import type { UpdateState } from '../../../preload/contract-updates';

function megabytesPerSecond(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1_000_000).toFixed(1)} MB/s`;
}

function checkedAgo(iso: string | undefined, now: number): string {
  if (!iso) return '';
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return ' (checked just now)';
  if (minutes < 60) return ` (checked ${minutes} min ago)`;
  return ` (checked ${Math.round(minutes / 60)} h ago)`;
}

export function describeUpdateState(state: UpdateState, now: number): string {
  const { phase } = state;
  switch (phase.status) {
    case 'disabled':
      return phase.message;
    case 'idle':
      return 'Cloud Desk checks for updates shortly after it starts.';
    case 'checking':
      return 'Checking for updates…';
    case 'not-available':
      return `Cloud Desk ${state.currentVersion} is the newest version${checkedAgo(state.lastCheckedAt, now)}.`;
    case 'available':
      return `Version ${phase.version} is available.`;
    case 'downloading':
      return `Downloading version ${phase.version}: ${Math.floor(phase.percent)}% (${megabytesPerSecond(phase.bytesPerSecond)}).`;
    case 'downloaded':
      return phase.installMode === 'restart'
        ? `Version ${phase.version} is ready: restart Cloud Desk to use it (or it installs when you quit).`
        : `Version ${phase.version} has been downloaded. ${phase.instructions ?? ''}`.trim();
    case 'error': {
      const minutes = Math.max(1, Math.round((Date.parse(phase.retryAt) - now) / 60_000));
      return `${phase.message} Cloud Desk tries again in ${minutes} min.`;
    }
  }
}
