// Banners about the app's state that change what Accounts can do: offline (sign-in needs a connection; what is
// shown is from the last session) and how sign-in data is stored (session only, or the weak opt-in).
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { sessionOnlyNoticeId } from '../../../preload/contract';
import { useNavigationStore } from '../../stores/navigation-store';
import { useStatusStore } from '../../stores/status-store';
import { weakStorageFieldId } from '../settings/sign-in-fields';

/**
 * Main's notices that say what these banners say (main/app-services.ts posts one while secrets are session-only).
 * The shell leaves them out on the Accounts view, where the banner says the same with a link to the fix.
 */
export const noticesShownAsBanners: ReadonlySet<string> = new Set([sessionOnlyNoticeId]);

export function StatusBanners() {
  const status = useStatusStore((state) => state.status);
  const go = useNavigationStore((state) => state.go);
  if (!status) return null;
  const { mode, backend } = status.secretStorage;
  return (
    <>
      {!status.online && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>You are offline</MessageBarTitle>
            Signing in needs a network connection. The accounts and tenants below are from your last session and may be
            out of date; Cloud Desk updates them when you are back online.
          </MessageBarBody>
        </MessageBar>
      )}
      {mode === 'session_only' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Sign-ins are kept for this session only</MessageBarTitle>
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
            <MessageBarTitle>Sign-in data is stored without a keyring</MessageBarTitle>
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
