// Banners about the app's state that change what Accounts can do: offline, or one cloud unreachable (what is
// shown is from the last check, and main re-checks by itself), and how sign-in data is stored (session only, or
// the weak opt-in). They appear from main's status event, without the user asking.
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { secretStorageText, sessionOnlyNoticeId, type CloudConnectivity } from '../../../preload/contract';
import { useNow } from '../../components/use-now';
import { useAccountsStore } from '../../stores/accounts-store';
import { useNavigationStore } from '../../stores/navigation-store';
import { useStatusStore } from '../../stores/status-store';
import { weakStorageFieldId } from '../settings/sign-in-fields';
import { formatCheckedTime } from './freshness';

function retryWords(cloud: CloudConnectivity | undefined, now: number): string {
  const next = cloud?.nextCheckAt ? `at ${formatCheckedTime(cloud.nextCheckAt, { now })}` : 'shortly';
  return `Cloud Desk tries again ${next} and whenever your network changes.`;
}

/**
 * Main's notices that say what these banners say (main/app-services.ts posts one while secrets are session-only).
 * The shell leaves them out on the Accounts view, where the banner says the same with a link to the fix.
 */
export const noticesShownAsBanners: ReadonlySet<string> = new Set([sessionOnlyNoticeId]);

export function StatusBanners() {
  const status = useStatusStore((state) => state.status);
  const go = useNavigationStore((state) => state.go);
  const clouds = useAccountsStore((state) => state.clouds);
  const now = useNow(30_000);
  if (!status) return null;
  const { mode, backend } = status.secretStorage;
  const unreachable = status.clouds.filter((cloud) => !cloud.online);
  const name = (cloudId: string): string => clouds.find((cloud) => cloud.id === cloudId)?.name ?? cloudId;
  return (
    <>
      {!status.online ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>You are offline</MessageBarTitle>
            Cloud Desk could not reach {unreachable.length === 1 ? name(unreachable[0]?.cloudId ?? '') : 'any cloud'}.
            The accounts and tenants below are from your last check; each says how old it is.{' '}
            {retryWords(unreachable[0], now)}
          </MessageBarBody>
        </MessageBar>
      ) : (
        unreachable.map((cloud) => (
          <MessageBar key={cloud.cloudId} intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Cannot reach {name(cloud.cloudId)}</MessageBarTitle>
              Accounts in {name(cloud.cloudId)} show their state as of the last check; other clouds are not affected.{' '}
              {retryWords(cloud, now)}
            </MessageBarBody>
          </MessageBar>
        ))
      )}
      {mode === 'session_only' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{secretStorageText.session_only.title}</MessageBarTitle>
            Cloud Desk found no keyring to encrypt your sign-in data{backend ? ` (storage backend: ${backend})` : ''},
            so it keeps it in memory and you will need to sign in again after you quit. To fix this, install or unlock a
            keyring such as GNOME Keyring or KWallet, then restart Cloud Desk.
            {status.secretStorage.weakAvailable && (
              <>
                {' '}
                If you accept weaker protection, you can{' '}
                <Link as="button" inline onClick={() => go('settings', weakStorageFieldId)}>
                  allow storing sign-in data without a keyring in Settings
                </Link>
                .
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {mode === 'weak' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{secretStorageText.weak.title}</MessageBarTitle>
            You allowed this in Settings. Anyone who can read your files can use these sign-ins. Install or unlock a
            keyring and restart Cloud Desk to encrypt them again, or{' '}
            <Link as="button" inline onClick={() => go('settings', weakStorageFieldId)}>
              change the setting
            </Link>
            .
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
