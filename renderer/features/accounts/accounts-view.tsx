// Accounts: the app's first view. Every account with its tenants, the sign-in running now, ways to add an account
// (Microsoft account or service principal) and to sign out or reset; on first run, what connecting an account
// does and how to start. Reads the accounts and status stores; all changes go through store actions.
import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Link,
  Menu,
  MenuItem,
  MenuButton,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Subtitle1,
  Text,
  Title2,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
  type MenuButtonProps,
} from '@fluentui/react-components';
import {
  ArrowReset20Regular,
  Key20Regular,
  PersonAdd20Regular,
  Person20Regular,
  SignOut20Regular,
} from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { secretStorageText, type AccountSummary } from '../../../preload/contract';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorBar } from '../../components/error-bar';
import { useFocusRequest } from '../../components/use-focus-request';
import { focusLost } from '../../components/focus';
import { useAccountsStore, usePending, useSignInRunning } from '../../stores/accounts-store';
import { useStatusStore } from '../../stores/status-store';
import { AccountCard } from './account-card';
import { standingAnnouncement } from './announcements';
import { ConsentBar } from './consent-bar';
import { ServicePrincipalDialog } from './service-principal-dialog';
import { SignInForm } from './sign-in-form';
import { SignInPanel } from './sign-in-panel';
import { StatusBanners } from './status-banners';
import { visuallyHidden } from '../../components/visually-hidden';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { flexGrow: 1, margin: 0, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  heading: { margin: 0 },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  welcome: { padding: tokens.spacingHorizontalXXL, gap: tokens.spacingVerticalM, maxWidth: '760px' },
  points: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', rowGap: tokens.spacingVerticalXS },
  spinner: { justifyContent: 'flex-start' },
  dialog: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  srOnly: visuallyHidden,
});

const signInRunningReason = 'A sign-in is running: finish or cancel it first.';

/**
 * Keeps the keyboard somewhere sensible as accounts come and go: after a sign-out, on the account that took the
 * removed one's place (or the page heading); after a sign-in, on the account it was for, scrolled into view and
 * announced to screen readers.
 */
function useAccountFocus(accounts: AccountSummary[]) {
  const list = useRef<HTMLDivElement>(null);
  const completed = useAccountsStore((state) => state.completed);
  const previous = useRef<string[]>([]);

  const card = (accountId: string | undefined): HTMLElement | null =>
    accountId === undefined
      ? null
      : (list.current?.querySelector<HTMLElement>(`[data-account-id="${CSS.escape(accountId)}"]`) ?? null);

  useEffect(() => {
    const before = previous.current;
    const now = accounts.map((account) => account.id);
    previous.current = now;
    const gone = before.findIndex((id) => !now.includes(id));
    if (gone === -1 || !focusLost()) return;
    const next = accounts[Math.min(gone, accounts.length - 1)];
    (card(next?.id)?.querySelector<HTMLElement>('h2') ?? document.getElementById('accounts-heading'))?.focus();
  }, [accounts]);

  useEffect(() => {
    if (!completed) return;
    const target = card(completed.accountId);
    target?.scrollIntoView({ block: 'nearest' });
    if (focusLost()) target?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [completed]);

  // A sign-in that ended without an account to go to (cancelled, failed) took the sign-in panel with it.
  // Only when a sign-in ends, not when the view mounts with none running.
  const signInRunning = useSignInRunning();
  const wasRunning = useRef(signInRunning);
  useEffect(() => {
    const ended = wasRunning.current && !signInRunning;
    wasRunning.current = signInRunning;
    if (ended && focusLost()) document.getElementById('accounts-heading')?.focus();
  }, [signInRunning]);

  return { list, announcement: standingAnnouncement(completed, accounts) };
}

export function AccountsView() {
  const styles = useStyles();
  const accounts = useAccountsStore((state) => state.accounts);
  const loaded = useAccountsStore((state) => state.loaded);
  const loadError = useAccountsStore((state) => state.loadError);
  const error = useAccountsStore((state) => state.error);
  const dismissError = useAccountsStore((state) => state.dismissError);
  const consent = useAccountsStore((state) => state.consent);
  const signOutAll = useAccountsStore((state) => state.signOutAll);
  const reset = useAccountsStore((state) => state.resetSignInData);
  const signingOutAll = usePending('signOutAll');
  const resetting = usePending('reset');
  const signInRunning = useSignInRunning();
  const [dialog, setDialog] = useState<'microsoft' | 'service-principal'>();
  const { list, announcement } = useAccountFocus(accounts);
  // The element may be gone since the link was made (the tenant signed in meanwhile): the page heading then.
  useFocusRequest(loaded, { fallbackId: 'accounts-heading' });
  const hasUsers = accounts.some((account) => account.kind === 'user');

  return (
    <section className={styles.view} aria-labelledby="accounts-heading">
      <div className={styles.top}>
        <Title2 as="h1" id="accounts-heading" className={styles.title} tabIndex={-1}>
          Accounts
        </Title2>
        <div className={styles.toolbar}>
          <AddAccountMenu onChoose={setDialog} primary={accounts.length > 0} />
          <ConfirmButton
            trigger={{ icon: <SignOut20Regular />, disabledFocusable: signingOutAll, children: 'Sign out of all' }}
            disabledReason={
              accounts.length === 0
                ? 'There are no accounts to sign out of.'
                : signInRunning
                  ? signInRunningReason
                  : undefined
            }
            title="Sign out of all accounts?"
            confirmLabel="Sign out of all"
            onConfirm={signOutAll}
          >
            Cloud Desk forgets every account and service principal and their saved sign-ins on this computer. Nothing
            changes in Azure. You can add the accounts again at any time.
          </ConfirmButton>
          <ConfirmButton
            trigger={{ icon: <ArrowReset20Regular />, disabledFocusable: resetting, children: 'Reset sign-in data' }}
            disabledReason={
              !hasUsers
                ? 'There is no saved Microsoft sign-in to reset.'
                : signInRunning
                  ? signInRunningReason
                  : undefined
            }
            title="Reset sign-in data?"
            confirmLabel="Reset sign-in data"
            onConfirm={reset}
          >
            Cloud Desk throws away the sign-in tokens it saved for every Microsoft account on this computer, including
            any it could not read. Your accounts stay listed and ask you to sign in again; service principals, settings
            and everything in Azure stay as they are. Use this when sign-in keeps failing.
          </ConfirmButton>
        </div>
      </div>
      <StatusBanners />
      {loadError && <ErrorBar error={loadError} action="Could not load your accounts" />}
      {error && <ErrorBar error={error.error} action={error.action} onDismiss={dismissError} />}
      {consent && <ConsentBar problem={consent} />}
      <SignInPanel />
      {!loaded ? (
        <Spinner size="small" labelPosition="after" label="Loading accounts…" className={styles.spinner} />
      ) : accounts.length === 0 ? (
        <Welcome onServicePrincipal={() => setDialog('service-principal')} />
      ) : (
        <div className={styles.list} ref={list}>
          {accounts.map((account) => (
            <AccountCard key={account.id} account={account} />
          ))}
        </div>
      )}
      <div role="status" aria-live="polite" className={styles.srOnly}>
        {announcement}
      </div>
      <Dialog
        open={dialog === 'microsoft'}
        onOpenChange={(_event, data) => setDialog(data.open ? 'microsoft' : undefined)}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Add a Microsoft account</DialogTitle>
            <DialogContent className={styles.dialog}>
              <Text as="p" block>
                You sign in on Microsoft’s page in your browser; Cloud Desk never sees your password. It then finds the
                tenants this account belongs to.
              </Text>
              <SignInForm onStarted={() => setDialog(undefined)} />
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>Close</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <ServicePrincipalDialog
        open={dialog === 'service-principal'}
        onOpenChange={(open) => setDialog(open ? 'service-principal' : undefined)}
      />
    </section>
  );
}

function AddAccountMenu({
  onChoose,
  primary,
}: {
  onChoose: (dialog: 'microsoft' | 'service-principal') => void;
  primary: boolean;
}) {
  const appearance: MenuButtonProps['appearance'] = primary ? 'primary' : 'secondary';
  // The dialogs its items open hand the keyboard back here when they close (not to the last confirm button).
  const restoreFocus = useRestoreFocusTarget();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton appearance={appearance} icon={<PersonAdd20Regular />} {...restoreFocus}>
          Add account
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<Person20Regular />} onClick={() => onChoose('microsoft')}>
            Microsoft account
          </MenuItem>
          <MenuItem icon={<Key20Regular />} onClick={() => onChoose('service-principal')}>
            Service principal
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function Welcome({ onServicePrincipal }: { onServicePrincipal: () => void }) {
  const styles = useStyles();
  const storage = useStatusStore((state) => state.status?.secretStorage.mode);
  const restoreFocus = useRestoreFocusTarget();
  return (
    <Card className={styles.welcome} role="region" aria-labelledby="welcome-heading">
      <Subtitle1 as="h2" id="welcome-heading" className={styles.heading}>
        Connect your first account
      </Subtitle1>
      <ul className={styles.points}>
        <li>
          Sign in with your work or school Microsoft account on Microsoft’s own page in your browser; Cloud Desk never
          sees your password.
        </li>
        <li>
          Cloud Desk finds every tenant the account belongs to and shows, for each, whether it is ready or asks you to
          sign in again (for example for multi-factor authentication).
        </li>
        <li>
          It acts only with your own Azure permissions. Your sign-in data is{' '}
          {secretStorageText[storage ?? 'encrypted'].phrase}.
        </li>
      </ul>
      <SignInForm />
      <Text>
        Automating with an application instead?{' '}
        <Link as="button" inline onClick={onServicePrincipal} {...restoreFocus}>
          Add a service principal
        </Link>
      </Text>
    </Card>
  );
}
