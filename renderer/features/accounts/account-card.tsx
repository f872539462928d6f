// One account: who it is, which cloud, how it is kept, and its tenants with their state in words and what to do
// about it (sign in, hide, show). Calls store actions only; the store and main decide what happens.
import {
  Avatar,
  Badge,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSync20Regular, AppGeneric20Regular, SignOut20Regular } from '@fluentui/react-icons';
import { accountHeadingId } from './tenant-sign-in-id';
import type { AccountSummary } from '../../../preload/contract';
import { ConfirmButton } from '../../components/confirm-button';
import { CopyButton } from '../../components/copy-button';
import { useNow } from '../../components/use-now';
import { accountProblemTitle } from '../../errors';
import { useAccountsStore, usePending } from '../../stores/accounts-store';
import { describeFreshness } from './freshness';
import { TenantsTable } from './tenants-table';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: '240px' },
  name: { margin: 0, overflowWrap: 'anywhere', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  username: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  checking: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
  },
  correlation: {
    fontFamily: tokens.fontFamilyMonospace,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  usernameLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minWidth: 0 },
});

export function AccountCard({ account }: { account: AccountSummary }) {
  const styles = useStyles();
  const headingId = accountHeadingId(account.id);
  const refresh = useAccountsStore((state) => state.refresh);
  const signOut = useAccountsStore((state) => state.signOut);
  const refreshing = usePending(`refresh:${account.id}`);
  const signingOut = usePending(`signOut:${account.id}`);
  const principal = account.kind === 'service_principal';
  const checking = refreshing || account.checking;
  const now = useNow(30_000);

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId} data-account-id={account.id}>
      <div className={styles.header}>
        <Avatar
          aria-hidden
          size={40}
          color="colorful"
          name={account.name}
          {...(principal ? { icon: <AppGeneric20Regular /> } : {})}
        />
        <div className={styles.who}>
          {/* Focusable from code only: where the keyboard lands when a neighbouring account goes away. */}
          <Title3 as="h2" id={headingId} className={styles.name} tabIndex={-1}>
            {account.name}
          </Title3>
          {principal ? (
            <span className={styles.usernameLine}>
              <Text className={styles.username}>Client ID {account.username}</Text>
              <CopyButton value={account.username} label={`Copy the client ID of ${account.name}`} />
            </span>
          ) : (
            account.username !== account.name && <Text className={styles.username}>{account.username}</Text>
          )}
          <div className={styles.badges}>
            <Badge appearance="outline" color="informative">
              {account.cloudName}
            </Badge>
            <Badge appearance="tint" color="brand">
              {principal ? 'Service principal' : 'User'}
            </Badge>
            {!account.persisted && (
              <Badge appearance="tint" color="warning">
                Session only
              </Badge>
            )}
          </div>
          <Caption1 role="status" className={styles.checking}>
            {checking && <Spinner size="extra-tiny" aria-hidden />}
            {checking
              ? 'Checking…'
              : `Tenant list ${describeFreshness({ checkedAt: account.checkedAt, checking: false }, { now })}`}
          </Caption1>
        </div>
        <div className={styles.actions}>
          <Button
            icon={<ArrowSync20Regular />}
            disabledFocusable={checking}
            aria-label={`Refresh ${account.username}`}
            onClick={() => void refresh(account.id)}
          >
            Refresh
          </Button>
          <ConfirmButton
            trigger={{
              icon: <SignOut20Regular />,
              disabledFocusable: signingOut,
              'aria-label': principal ? `Remove ${account.name}` : `Sign out ${account.username}`,
              children: principal ? 'Remove' : 'Sign out',
            }}
            title={principal ? `Remove ${account.name}?` : `Sign out of ${account.username}?`}
            confirmLabel={principal ? 'Remove' : 'Sign out'}
            onConfirm={() => signOut(account.id)}
          >
            {principal
              ? 'Cloud Desk forgets this service principal and deletes its saved secret or certificate from this ' +
                'computer. The app registration in Azure is not changed.'
              : 'Cloud Desk forgets this account and its saved sign-in on this computer, for every tenant. ' +
                'Nothing changes in Azure. You can add the account again at any time.'}
          </ConfirmButton>
        </div>
      </div>
      {account.problem && (
        <MessageBar intent={account.problem.code === 'offline' ? 'warning' : 'error'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{accountProblemTitle(account.problem)}</MessageBarTitle>
            {account.problem.message}
            {account.problem.correlationId && (
              <span className={styles.usernameLine}>
                <Caption1>Correlation ID</Caption1>
                <Caption1 className={styles.correlation} title={account.problem.correlationId}>
                  {account.problem.correlationId}
                </Caption1>
                <CopyButton
                  value={account.problem.correlationId}
                  label={`Copy the correlation ID of the failed check of ${account.name}`}
                />
              </span>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              disabledFocusable={checking}
              aria-label={`Retry listing the tenants of ${account.username}`}
              onClick={() => void refresh(account.id)}
            >
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <TenantsTable account={account} />
    </Card>
  );
}
