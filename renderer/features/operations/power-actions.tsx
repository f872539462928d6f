// The power-action buttons, for one VM's row or for a selection: Start, Stop, Deallocate, Restart and Hibernate
// (where a VM supports it). Each is disabled with its reason in words (tooltip and description) when no VM in
// the set allows it, per `actionAvailability` (the same rule main refuses by). Disruptive ones ask first.
import { Button, MessageBar, MessageBarBody, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowClockwise20Regular,
  Play20Regular,
  Power20Regular,
  Stop20Regular,
  WeatherMoon20Regular,
} from '@fluentui/react-icons';
import { useMemo, useState, type ReactElement } from 'react';
import type { SubscriptionSummary, Vm } from '../../../preload/contract-inventory';
import {
  actionAvailability,
  actionLabels,
  disruptiveActions,
  powerActions,
  type OperationOptions,
  type PowerAction,
} from '../../../preload/contract-operations';
import { describeError } from '../../errors';
import { useOperationsStore, useUnfinishedOperations } from '../../stores/operations-store';
import { useOnline } from '../../stores/status-store';
import { ConfirmPowerAction } from './confirm-power-action';

const icons: Record<PowerAction, ReactElement> = {
  start: <Play20Regular />,
  powerOff: <Stop20Regular />,
  deallocate: <Power20Regular />,
  hibernate: <WeatherMoon20Regular />,
  restart: <ArrowClockwise20Regular />,
};

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface PowerActionsProps {
  vms: readonly Vm[];
  subscription(id: string): SubscriptionSummary | undefined;
  /** Icon-only buttons (rows); their names stay the action's name. */
  compact?: boolean;
  /** False inside the VM grid, which keeps one tab stop (keyboard users act through the details or the selection). */
  tabbable?: boolean;
}

export function PowerActions({ vms, subscription, compact = false, tabbable = true }: PowerActionsProps) {
  const styles = useStyles();
  const online = useOnline();
  const unfinished = useUnfinishedOperations();
  const start = useOperationsStore((state) => state.start);
  const byId = useOperationsStore((state) => state.byId);
  // One VM (its details): the outcome of its latest operation when that failed, where the user acted.
  const single = vms.length === 1 ? vms[0] : undefined;
  const lastFailure = useMemo(() => {
    if (!single || compact) return undefined;
    const latest = Object.values(byId)
      .filter((op) => op.vmId === single.id)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    return latest?.state === 'failed' ? latest : undefined;
  }, [byId, single, compact]);
  const [confirming, setConfirming] = useState<PowerAction>();
  const [feedback, setFeedback] = useState<string>();

  const allowed = useMemo(() => {
    const out = {} as Record<PowerAction, { vms: Vm[]; reason?: string }>;
    for (const action of powerActions) out[action] = { vms: [] };
    for (const vm of vms) {
      const availability = actionAvailability(vm, subscription(vm.subscriptionId), { online }, unfinished);
      for (const action of powerActions) {
        const a = availability[action];
        if (a.enabled) out[action].vms.push(vm);
        else out[action].reason ??= vms.length === 1 ? a.reason : `None of the selected VMs can: ${a.reason}`;
      }
    }
    return out;
  }, [vms, subscription, online, unfinished]);

  const run = async (action: PowerAction, options?: OperationOptions): Promise<void> => {
    setConfirming(undefined);
    const targets = allowed[action].vms;
    const result = await start(
      action,
      targets.map((vm) => vm.id),
      options,
    );
    if (!result.ok) setFeedback(describeError(result.error).message);
    else if (result.value.refused.length > 0) {
      setFeedback(result.value.refused.map((r) => r.reason).join(' '));
    } else setFeedback(undefined);
  };

  const hibernatable = vms.some((vm) => vm.hibernationEnabled === true);
  const shown = powerActions.filter((action) => action !== 'hibernate' || hibernatable);

  return (
    <div className={styles.column}>
      <div
        className={styles.bar}
        role="group"
        aria-label={vms.length === 1 ? `Actions for ${vms[0]?.name ?? ''}` : 'Actions for the selected VMs'}
      >
        {shown.map((action) => {
          const { vms: targets, reason } = allowed[action];
          const label = actionLabels[action].verb;
          const enabled = targets.length > 0 && vms.length > 0;
          // In the grid's rows, a disabled action's reason is its button's own description: a `description` tooltip
          // keeps its hidden content rendered in a portal, one per disabled button of every row on screen, and
          // each portal costs React a root's worth of event listeners whenever rows mount (a search's keystroke).
          const describedInline = compact && !enabled;
          const button = (
            <Button
              size="small"
              appearance={compact ? 'subtle' : 'secondary'}
              icon={icons[action]}
              aria-label={label}
              disabledFocusable={!enabled}
              {...(describedInline ? { 'aria-description': reason ?? label } : {})}
              {...(tabbable ? {} : { tabIndex: -1 })}
              onClick={() => {
                if (!enabled) return;
                if (disruptiveActions.has(action)) setConfirming(action);
                else void run(action);
              }}
            >
              {compact ? undefined : label}
            </Button>
          );
          return (
            <Tooltip
              key={action}
              content={
                enabled ? (vms.length > 1 ? `${label} ${targets.length} of ${vms.length}` : label) : (reason ?? label)
              }
              relationship={describedInline ? 'inaccessible' : enabled && compact ? 'label' : 'description'}
            >
              {button}
            </Tooltip>
          );
        })}
      </div>
      {lastFailure?.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {actionLabels[lastFailure.action].verb} failed: {lastFailure.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {feedback && (
        <MessageBar intent="warning">
          <MessageBarBody>{feedback}</MessageBarBody>
        </MessageBar>
      )}
      {confirming && (
        <ConfirmPowerAction
          action={confirming}
          vms={allowed[confirming].vms}
          onCancel={() => setConfirming(undefined)}
          onConfirm={(options) => void run(confirming, options)}
        />
      )}
    </div>
  );
}
