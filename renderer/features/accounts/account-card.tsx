// One account: who it is, which cloud, how it is kept, and its tenants with their state in words and what to do
// about it (sign in, hide, show). Calls store actions only; the store and main decide what happens.
import {
  Avatar,
  Badge,
  Button,
  Caption1,
  Card,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowSync20Regular,
  Eye20Regular,
  EyeOff20Regular,
  AppGeneric20Regular,
  SignOut20Regular,
} from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { AccountSummary, TenantSummary } from '../../../preload/contract';
import { ConfirmButton } from '../../components/confirm-button';
import { describeTenantStatus, tenantBadge } from '../../errors';
import { useAccountsStore, usePending, useSignInRunning } from '../../stores/accounts-store';
import { useOnline } from '../../stores/status-store';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: '240px' },
  name: { margin: 0, overflowWrap: 'anywhere' },
  username: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  tenantName: { display: 'flex', flexDirection: 'column' },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  status: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  detail: { color: tokens.colorNeutralForeground2 },
  more: { fontSize: tokens.fontSizeBase200 },
  tenantActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', justifyContent: 'flex-end' },
  hiddenRow: { color: tokens.colorNeutralForeground3 },
  colTenant: { width: '270px' },
  colDomain: { width: '16%' },
  colCategory: { width: '80px' },
  colActions: { width: '180px' },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

const categories: Record<TenantSummary['category'], string> = { home: 'Home', guest: 'Guest', managed: 'Managed' };

export function AccountCard({ account }: { account: AccountSummary }) {
  const styles = useStyles();
  const headingId = useId();
  const refresh = useAccountsStore((state) => state.refresh);
  const signOut = useAccountsStore((state) => state.signOut);
  const refreshing = usePending(`refresh:${account.id}`);
  const signingOut = usePending(`signOut:${account.id}`);

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.header}>
        <Avatar
          aria-hidden
          size={40}
          color="colorful"
          name={account.name}
          {...(account.kind === 'service_principal' ? { icon: <AppGeneric20Regular /> } : {})}
        />
        <div className={styles.who}>
          <Title3 as="h2" id={headingId} className={styles.name}>
            {account.name}
          </Title3>
          {account.username !== account.name && <Text className={styles.username}>{account.username}</Text>}
          <div className={styles.badges}>
            <Badge appearance="outline" color="informative">
              {account.cloudName}
            </Badge>
            <Badge appearance="tint" color="brand">
              {account.kind === 'user' ? 'User' : 'Service principal'}
            </Badge>
            {!account.persisted && (
              <Badge appearance="tint" color="warning">
                Session only
              </Badge>
            )}
          </div>
        </div>
        <div className={styles.actions}>
          <Button
            icon={<ArrowSync20Regular />}
            disabled={refreshing}
            aria-label={`Refresh ${account.username}`}
            onClick={() => void refresh(account.id)}
          >
            Refresh
          </Button>
          <ConfirmButton
            trigger={{
              icon: <SignOut20Regular />,
              disabled: signingOut,
              'aria-label': `Sign out ${account.username}`,
              children: 'Sign out',
            }}
            title={`Sign out of ${account.username}?`}
            confirmLabel="Sign out"
            onConfirm={() => signOut(account.id)}
          >
            {account.kind === 'user'
              ? 'Cloud Desk forgets this account and its saved sign-in on this computer, for every tenant. ' +
                'Nothing changes in Azure. You can add the account again at any time.'
              : 'Cloud Desk forgets this service principal and deletes its saved secret or certificate from this ' +
                'computer. The app registration in Azure is not changed.'}
          </ConfirmButton>
        </div>
      </div>
      <TenantsTable account={account} />
    </Card>
  );
}

function TenantsTable({ account }: { account: AccountSummary }) {
  const styles = useStyles();
  return (
    <Table aria-label={`Tenants of ${account.username}`} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.colTenant}>Tenant</TableHeaderCell>
          <TableHeaderCell className={styles.colDomain}>Default domain</TableHeaderCell>
          <TableHeaderCell className={styles.colCategory}>Type</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell className={styles.colActions}>
            <span className={styles.srOnly}>Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {account.tenants.map((tenant) => (
          <TenantRow key={tenant.tenantId} account={account} tenant={tenant} />
        ))}
      </TableBody>
    </Table>
  );
}

function TenantRow({ account, tenant }: { account: AccountSummary; tenant: TenantSummary }) {
  const styles = useStyles();
  const online = useOnline();
  const signInRunning = useSignInRunning();
  const signIn = useAccountsStore((state) => state.signIn);
  const setHidden = useAccountsStore((state) => state.setTenantHidden);
  const hiding = usePending(`hide:${account.id}:${tenant.tenantId}`);
  const badge = tenantBadge(tenant);
  const sentence = describeTenantStatus(tenant);
  const canSignIn =
    account.kind === 'user' && !tenant.hidden && (tenant.status === 'needs_sign_in' || tenant.status === 'error');
  const why = !online
    ? 'Signing in needs a network connection.'
    : signInRunning
      ? 'A sign-in is already running.'
      : undefined;
  const whyId = useId();

  return (
    <TableRow className={tenant.hidden ? styles.hiddenRow : undefined}>
      <TableCell>
        <div className={styles.tenantName}>
          <Text weight="semibold">{tenant.displayName}</Text>
          <Caption1 className={styles.id}>{tenant.tenantId}</Caption1>
        </div>
      </TableCell>
      <TableCell>{tenant.defaultDomain ?? '—'}</TableCell>
      <TableCell>{categories[tenant.category]}</TableCell>
      <TableCell>
        <div className={styles.status}>
          <Badge appearance="tint" color={badge.color}>
            {badge.label}
          </Badge>
          {sentence && <StatusText text={sentence} />}
          {tenant.correlationId && !tenant.hidden && (
            <Caption1 className={styles.detail}>
              Correlation ID <span className={styles.id}>{tenant.correlationId}</span>
            </Caption1>
          )}
        </div>
      </TableCell>
      <TableCell>
        <div className={styles.tenantActions}>
          {canSignIn && (
            <>
              <Button
                size="small"
                appearance="primary"
                disabledFocusable={why !== undefined}
                aria-label={`Sign in to this tenant: ${tenant.displayName}`}
                aria-describedby={why ? whyId : undefined}
                onClick={() =>
                  void signIn({ kind: 'tenant', accountId: account.id, tenantId: tenant.tenantId }, 'browser')
                }
              >
                Sign in to this tenant
              </Button>
              {why && (
                <Caption1 id={whyId} className={styles.detail}>
                  {why}
                </Caption1>
              )}
            </>
          )}
          <Button
            size="small"
            appearance="subtle"
            icon={tenant.hidden ? <Eye20Regular /> : <EyeOff20Regular />}
            disabled={hiding}
            aria-label={`${tenant.hidden ? 'Show tenant' : 'Hide tenant'}: ${tenant.displayName}`}
            onClick={() => void setHidden(account.id, tenant.tenantId, !tenant.hidden)}
          >
            {tenant.hidden ? 'Show tenant' : 'Hide tenant'}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}

/** Azure's error texts can run to a page; show the first sentence and let the user open the rest. */
function StatusText({ text }: { text: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const short = firstSentence(text);
  if (short === text) return <Text className={styles.detail}>{text}</Text>;
  return (
    <>
      <Text className={styles.detail}>{open ? text : `${short} …`}</Text>
      <Link as="button" className={styles.more} aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Show less' : 'Show the whole message'}
      </Link>
    </>
  );
}

function firstSentence(text: string): string {
  const limit = 160;
  const end = text.slice(0, limit).search(/[.!?]\s/);
  if (end >= 20) return text.slice(0, end + 1);
  return text.length > limit ? text.slice(0, limit).replace(/\s+\S*$/, '') : text;
}
