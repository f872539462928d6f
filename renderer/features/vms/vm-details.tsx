// The details of one VM, in a drawer over the grid: what the inventory knows (size, image, tags, power state and
// when Azure confirmed it), its instance view asked from Azure when the drawer opens (statuses, agent, disks),
// its ids with copy buttons, "Open in Azure portal" (main opens the cloud's portal) and the accounts that reach it.
import {
  Badge,
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Checkmark16Regular, Copy16Regular, Dismiss24Regular, Open20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AppError, Result } from '../../../preload/contract';
import type { InstanceView, Vm } from '../../../preload/contract-inventory';
import { getBridge } from '../../bridge';
import { formatAge, formatAsOf } from '../../components/age';
import { ErrorBar } from '../../components/error-bar';
import { useNow } from '../../components/use-now';
import { useInventory } from '../../stores/inventory';
import { useOnline } from '../../stores/status-store';
import { useVmGridStore } from '../../stores/vm-grid-store';
import { describePowerState } from './power-state';
import { PowerActions } from '../operations/power-actions';
import { PowerStateBadge } from './power-state-badge';
import { subscriptionName, tenantName, type RowContext } from './vm-columns';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXL,
    // The drawer body scrolls: its sections keep their height instead of shrinking into each other.
    '& > *': { flexShrink: 0 },
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  idRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function VmDetails({ context }: { context: RowContext }) {
  const vmId = useVmGridStore((state) => state.detailsVmId);
  const openDetails = useVmGridStore((state) => state.openDetails);
  const vm = useInventory((state) => (vmId ? state.vms.byId.get(vmId) : undefined));
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={vm !== undefined}
      onOpenChange={(_event, data) => {
        if (!data.open) openDetails(undefined);
      }}
    >
      {vm && <DetailsContent vm={vm} context={context} onClose={() => openDetails(undefined)} />}
    </OverlayDrawer>
  );
}

function DetailsContent({ vm, context, onClose }: { vm: Vm; context: RowContext; onClose: () => void }) {
  const styles = useStyles();
  const now = useNow(30_000);
  const [portalError, setPortalError] = useState<AppError | undefined>(undefined);
  const power = describePowerState(vm.powerState);
  const sub = context.subscriptions.get(vm.subscriptionId);
  const tags = Object.entries(vm.tags);

  async function openPortal() {
    const result = await getBridge().inventory.openInPortal({ vmId: vm.id });
    setPortalError(result.ok ? undefined : result.error);
  }

  return (
    <>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close details" icon={<Dismiss24Regular />} onClick={onClose} />
          }
        >
          {vm.name}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <div className={styles.actions}>
          <PowerStateBadge state={vm.powerState} />
          <Caption1>
            {[
              vm.powerStateAt && `In this state since ${formatAsOf(vm.powerStateAt, now)}`,
              sub?.powerFetchedAt && `confirmed by Azure ${formatAge(sub.powerFetchedAt, now)}`,
            ]
              .filter(Boolean)
              .join('; ') || 'Not confirmed by Azure yet'}
          </Caption1>
        </div>
        {power.hint && (
          <MessageBar layout="multiline" intent={vm.powerState === 'stopped' ? 'warning' : 'info'}>
            <MessageBarBody>{power.hint}</MessageBarBody>
          </MessageBar>
        )}
        <PowerActions vms={[vm]} subscription={(id) => context.subscriptions.get(id)} />
        <div className={styles.actions}>
          <Button icon={<Open20Regular />} onClick={() => void openPortal()}>
            Open in Azure portal
          </Button>
        </div>
        {portalError && (
          <ErrorBar
            error={portalError}
            action="Could not open the portal"
            onDismiss={() => setPortalError(undefined)}
          />
        )}

        <section className={styles.section} aria-labelledby="vm-details-overview">
          <Subtitle2 as="h3" id="vm-details-overview" className={styles.heading}>
            Overview
          </Subtitle2>
          <dl className={styles.facts}>
            <Fact term="Size" value={vm.size} />
            <Fact term="Operating system" value={vm.osType} />
            <Fact term="Image" value={vm.image} />
            <Fact
              term="Location"
              value={vm.zones?.length ? `${vm.location} (zone ${vm.zones.join(', ')})` : vm.location}
            />
            <Fact term="Resource group" value={vm.resourceGroup} />
            <Fact term="Subscription" value={subscriptionName(vm, context)} />
            <Fact term="Tenant" value={tenantName(vm, context)} />
            <Fact term="Provisioning" value={vm.provisioningState} />
            <Fact term="Created" value={vm.timeCreated ? new Date(vm.timeCreated).toLocaleString() : undefined} />
            <Fact
              term="Tags"
              value={tags.length ? tags.map(([key, value]) => `${key}: ${value}`).join(', ') : 'None'}
            />
          </dl>
        </section>

        <InstanceViewSection vm={vm} />

        <section className={styles.section} aria-labelledby="vm-details-ids">
          <Subtitle2 as="h3" id="vm-details-ids" className={styles.heading}>
            Identifiers
          </Subtitle2>
          <dl className={styles.facts}>
            <IdFact term="Resource ID" value={vm.resourceId} />
            <IdFact term="Subscription ID" value={vm.subscriptionId} />
            <IdFact term="Tenant ID" value={vm.tenantId} />
          </dl>
        </section>

        {sub && (
          <section className={styles.section} aria-labelledby="vm-details-accounts">
            <Subtitle2 as="h3" id="vm-details-accounts" className={styles.heading}>
              Accounts that reach it
            </Subtitle2>
            <ul className={styles.list}>
              {sub.accessPaths.map((path) => (
                <li key={`${path.accountId}:${path.tenantId}`}>
                  {context.accountNames.get(path.accountId) ?? path.accountId}
                  {' through '}
                  {context.tenantNames.get(path.tenantId) ?? path.tenantId}{' '}
                  {path.accountId === sub.actingAccountId && (
                    <Badge appearance="tint" color="brand">
                      Acts on it
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </DrawerBody>
    </>
  );
}

function Fact({ term, value }: { term: string; value: string | undefined }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value ?? '—'}</dd>
    </>
  );
}

function IdFact({ term, value }: { term: string; value: string }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  }
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>
        <span className={styles.idRow}>
          <span className={styles.id}>{value}</span>
          <Button
            size="small"
            appearance="subtle"
            aria-label={copied ? `${term} copied` : `Copy ${term}`}
            icon={copied ? <Checkmark16Regular /> : <Copy16Regular />}
            onClick={() => void copy().catch(() => setCopied(false))}
          />
        </span>
      </dd>
    </>
  );
}

type Loaded = { vmId: string; result: Result<InstanceView> };

function InstanceViewSection({ vm }: { vm: Vm }) {
  const styles = useStyles();
  const now = useNow(30_000);
  const online = useOnline();
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void getBridge()
      .inventory.getInstanceView(vm.id)
      .then((result) => {
        if (current) setLoaded({ vmId: vm.id, result });
      });
    return () => {
      current = false;
    };
  }, [vm.id, attempt]);

  const result = loaded?.vmId === vm.id ? loaded.result : undefined;
  return (
    <section className={styles.section} aria-labelledby="vm-details-instance">
      <Subtitle2 as="h3" id="vm-details-instance" className={styles.heading}>
        Instance view
      </Subtitle2>
      {!result && <Spinner size="tiny" label="Asking Azure for the instance view…" labelPosition="after" />}
      {result && !result.ok && (
        <>
          <ErrorBar error={result.error} action="Could not get the instance view" />
          <div>
            <Button disabled={!online} onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Button>
          </div>
        </>
      )}
      {result?.ok && (
        <>
          <Caption1>As of {formatAsOf(result.value.fetchedAt, now)}</Caption1>
          <dl className={styles.facts}>
            {result.value.statuses.map((status) => (
              <Fact
                key={status.code}
                term={status.code.split('/')[0] ?? status.code}
                value={[
                  status.displayStatus ?? status.code,
                  status.time ? `since ${new Date(status.time).toLocaleString()}` : undefined,
                  status.message,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
            <Fact
              term="VM agent"
              value={
                result.value.agent
                  ? [result.value.agent.status, result.value.agent.version && `version ${result.value.agent.version}`]
                      .filter(Boolean)
                      .join(' · ') || 'Reported no status'
                  : 'Not reported'
              }
            />
            <Fact
              term="Operating system"
              value={[result.value.osName, result.value.osVersion].filter(Boolean).join(' ') || undefined}
            />
            <Fact term="Computer name" value={result.value.computerName} />
          </dl>
          {result.value.disks.length > 0 && (
            <>
              <Text weight="semibold">Disks</Text>
              <ul className={styles.list}>
                {result.value.disks.map((disk) => (
                  <li key={disk.name}>
                    {disk.name}: {disk.status ?? 'no status'}
                    {disk.time ? ` (since ${new Date(disk.time).toLocaleString()})` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
