// An account's tenants: name and id, default domain, type, state in words and what to do about it (sign in, hide,
// show). One row per tenant that lays itself out by the room it has: one line on a wide window, name over state
// on a narrow one, so status and actions never shrink to one-word columns. Over a handful of tenants, a search.
import {
  Badge,
  Button,
  Caption1,
  Link,
  SearchBox,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Eye20Regular, EyeOff20Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { AccountSummary, TenantSummary } from '../../../preload/contract';
import { CopyButton } from '../../components/copy-button';
import { useNow } from '../../components/use-now';
import { describeTenantStatus, tenantBadge } from '../../errors';
import { useAccountsStore, usePending, useSignInRunning } from '../../stores/accounts-store';
import { useUnreachable } from '../../stores/status-store';
import { describeFreshness, describeUnreachable } from './freshness';
import { filterTenants, tenantSearchThreshold } from './tenant-filter';
import { visuallyHidden } from '../../components/visually-hidden';
import { tenantSignInId } from './tenant-sign-in-id';

// Row layouts by the table's own width (a container query), not the window's: the nav and padding take a share.
const wide = '@container (min-width: 860px)';
const medium = '@container (min-width: 560px) and (max-width: 859.98px)';
const narrow = '@container (max-width: 559.98px)';
// Every row is its own grid, so no column may size to its content: rows would not line up.
const actionsWidth = '170px';

const useStyles = makeStyles({
  container: { containerType: 'inline-size', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  search: { maxWidth: '360px' },
  row: {
    display: 'grid',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalS} 0`,
    [wide]: {
      gridTemplateColumns: `minmax(200px, 1.3fr) minmax(120px, 0.9fr) 72px minmax(220px, 1.6fr) ${actionsWidth}`,
      gridTemplateAreas: '"tenant domain type status actions"',
    },
    [medium]: {
      gridTemplateColumns: `minmax(0, 2fr) minmax(64px, 1fr) minmax(180px, 3fr) ${actionsWidth}`,
      gridTemplateAreas: '"tenant tenant status actions" "domain domain status actions"',
    },
    [narrow]: {
      gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
      gridTemplateAreas: '"tenant tenant" "domain domain" "status status" "actions actions"',
    },
  },
  // Column headers only make sense when the row is one line; narrower, they stay for screen readers.
  headerRow: {
    [medium]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
    [narrow]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
  },
  cell: { minWidth: 0, padding: 0, alignItems: 'flex-start' },
  tenant: { gridArea: 'tenant' },
  domain: { gridArea: 'domain' },
  // Under the name, domain and type read as one line, "contoso.test · Home": the type is shown after the domain,
  // and its own cell stays for screen readers only (no column gap between the two).
  type: {
    gridArea: 'type',
    [medium]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
    [narrow]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
  },
  inlineType: { display: 'none', [medium]: { display: 'inline' }, [narrow]: { display: 'inline' } },
  label: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  statusCell: { gridArea: 'status' },
  actionsCell: {
    gridArea: 'actions',
    [wide]: { justifyContent: 'flex-end' },
    [medium]: { justifyContent: 'flex-end' },
  },
  secondary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  tenantName: { display: 'flex', flexDirection: 'column', minWidth: 0, width: '100%' },
  name: { overflowWrap: 'anywhere' },
  idLine: {
    display: 'flex',
    alignItems: 'center',
    alignSelf: 'stretch',
    minWidth: 0,
    gap: tokens.spacingHorizontalXXS,
  },
  id: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  status: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    width: '100%',
  },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  badgeLine: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  // A state remembered from an earlier run: muted, so it never looks like one confirmed now.
  unconfirmed: {
    opacity: 0.8,
    borderTopStyle: 'dashed',
    borderRightStyle: 'dashed',
    borderBottomStyle: 'dashed',
    borderLeftStyle: 'dashed',
  },
  freshness: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorNeutralForeground3,
  },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  more: { fontSize: tokens.fontSizeBase200 },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXS,
    [narrow]: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center' },
  },
  actionButton: { whiteSpace: 'nowrap' },
  why: { color: tokens.colorNeutralForeground3, maxWidth: '220px' },
  hiddenRow: { color: tokens.colorNeutralForeground3 },
  srOnly: visuallyHidden,
});

const categories: Record<TenantSummary['category'], string> = { home: 'Home', guest: 'Guest', managed: 'Managed' };

export function TenantsTable({ account }: { account: AccountSummary }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const searchable = account.tenants.length > tenantSearchThreshold;
  const shown = searchable ? filterTenants(account.tenants, query) : account.tenants;
  return (
    <div className={styles.container}>
      {searchable && (
        <SearchBox
          className={styles.search}
          aria-label={`Find a tenant of ${account.username}`}
          placeholder="Find a tenant by name, domain or ID"
          value={query}
          onChange={(_event, data) => setQuery(data.value)}
        />
      )}
      <Table noNativeElements aria-label={`Tenants of ${account.username}`} size="small">
        <TableHeader>
          <TableRow className={mergeClasses(styles.row, styles.headerRow)}>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.tenant)}>Tenant</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.domain)}>Default domain</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.type)}>Type</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.statusCell)}>Status</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.actionsCell)}>
              <span className={styles.srOnly}>Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((tenant) => (
            <TenantRow key={tenant.tenantId} account={account} tenant={tenant} />
          ))}
        </TableBody>
      </Table>
      {searchable && shown.length === 0 && (
        <Text role="status" className={styles.detail}>
          No tenant matches “{query.trim()}”.
        </Text>
      )}
    </div>
  );
}

function TenantRow({ account, tenant }: { account: AccountSummary; tenant: TenantSummary }) {
  const styles = useStyles();
  const unreachable = useUnreachable(account.cloudId);
  const signInRunning = useSignInRunning();
  const signIn = useAccountsStore((state) => state.signIn);
  const setHidden = useAccountsStore((state) => state.setTenantHidden);
  const hiding = usePending(`hide:${account.id}:${tenant.tenantId}`);
  const badge = tenantBadge(tenant);
  const sentence = describeTenantStatus(tenant);
  const canSignIn =
    account.kind === 'user' && !tenant.hidden && (tenant.status === 'needs_sign_in' || tenant.status === 'error');
  const now = useNow(30_000);
  // A running sign-in stops this one; an unreachable cloud does not (the attempt says what failed), but is said.
  const blocked = signInRunning ? 'A sign-in is already running: finish or cancel it first.' : undefined;
  const why = blocked ?? (unreachable ? describeUnreachable(account.cloudName, unreachable, { now }) : undefined);
  const whyId = useId();

  return (
    <TableRow className={mergeClasses(styles.row, tenant.hidden && styles.hiddenRow)}>
      <TableCell className={mergeClasses(styles.cell, styles.tenant)}>
        <div className={styles.tenantName}>
          <Text weight="semibold" className={styles.name}>
            {tenant.displayName}
          </Text>
          <span className={styles.idLine}>
            <Caption1 className={styles.id} title={tenant.tenantId}>
              {tenant.tenantId}
            </Caption1>
            <CopyButton value={tenant.tenantId} label={`Copy the tenant ID of ${tenant.displayName}`} />
          </span>
        </div>
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.domain)}>
        <Text className={styles.secondary}>
          {tenant.defaultDomain ?? '—'}
          <span aria-hidden className={styles.inlineType}>
            {' · '}
            {categories[tenant.category]}
          </span>
        </Text>
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.type)}>
        <Text className={styles.secondary}>{categories[tenant.category]}</Text>
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.statusCell)}>
        <div className={styles.status}>
          <span className={styles.badgeLine}>
            <Badge
              appearance={badge.unconfirmed ? 'outline' : 'tint'}
              color={badge.color}
              className={mergeClasses(styles.badge, badge.unconfirmed && styles.unconfirmed)}
            >
              {badge.label}
            </Badge>
            {!tenant.hidden && (
              <Caption1 className={styles.freshness}>
                {tenant.checking && <Spinner size="extra-tiny" aria-hidden />}
                {describeFreshness(tenant, { now })}
              </Caption1>
            )}
          </span>
          {sentence && <StatusText text={sentence} />}
          {tenant.correlationId && !tenant.hidden && (
            <span className={styles.idLine}>
              <Caption1 className={styles.label}>Correlation ID</Caption1>
              <Caption1 className={styles.id} title={tenant.correlationId}>
                {tenant.correlationId}
              </Caption1>
              <CopyButton value={tenant.correlationId} label={`Copy the correlation ID for ${tenant.displayName}`} />
            </span>
          )}
        </div>
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.actionsCell)}>
        <div className={styles.actions}>
          {canSignIn && (
            <>
              <Button
                size="small"
                appearance="primary"
                className={styles.actionButton}
                disabledFocusable={blocked !== undefined}
                id={tenantSignInId(account.id, tenant.tenantId)}
                aria-label={`Sign in to this tenant: ${tenant.displayName}`}
                aria-describedby={why ? whyId : undefined}
                onClick={() =>
                  void signIn({ kind: 'tenant', accountId: account.id, tenantId: tenant.tenantId }, 'browser')
                }
              >
                Sign in to this tenant
              </Button>
              {why && (
                <Caption1 id={whyId} className={styles.why}>
                  {why}
                </Caption1>
              )}
            </>
          )}
          <Button
            size="small"
            appearance="subtle"
            className={styles.actionButton}
            icon={tenant.hidden ? <Eye20Regular /> : <EyeOff20Regular />}
            // Focusable while the answer is awaited, so the keyboard stays on the button as its label flips.
            disabledFocusable={hiding}
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

/** Azure's error texts can run to a page; show the first sentence of a long one and let the user open the rest. */
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
  if (text.length <= limit) return text;
  const end = text.slice(0, limit).search(/[.!?]\s/);
  if (end >= 20) return text.slice(0, end + 1);
  return text.slice(0, limit).replace(/\s+\S*$/, '');
}
