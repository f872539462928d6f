// Asks before a disruptive power action (stop, deallocate, hibernate, restart): lists the VMs it will touch, says
// how many are production-tagged (by their own tags at once, by their resource groups' tags once main has read
// them: `operations.checkTargets`), offers the action's one option (stop: skip the shutdown; deallocate: force,
// which Azure's API offers on every deallocate but never with hibernate), and focuses Cancel first. The action
// does not wait for the tag check: an urgent stop is not held up by a metadata read, and the words update in
// place (a polite live region that reads only the lines that arrive) without moving focus. How old the tags are
// sits outside that region, so its minute-by-minute update is not read out again and again.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Warning16Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Vm } from '../../../preload/contract-inventory';
import { actionLabels, type OperationOptions, type PowerAction } from '../../../preload/contract-operations';
import { getBridge } from '../../bridge';
import { useNow } from '../../components/use-now';
import { describeError } from '../../errors';
import { nothingToCheck, productionLines, tagsAge, type CheckState } from './production-words';

const shownNames = 12;

const consequences: Record<PowerAction, string> = {
  start: '',
  powerOff: 'Stopped VMs keep their compute allocation and are still billed.',
  deallocate: 'Deallocated VMs release their compute and are not billed for it; dynamic public IPs are released.',
  hibernate: 'Hibernated VMs save their memory to disk and release their compute.',
  restart: 'Whatever runs on the VMs is interrupted while they restart.',
};

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '240px', overflowY: 'auto' },
  production: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  problem: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  problemIcon: { flexShrink: 0, marginTop: '2px', color: tokens.colorStatusWarningForeground1 },
  note: { color: tokens.colorNeutralForeground2 },
  checking: { justifyContent: 'flex-start' },
  name: { whiteSpace: 'nowrap' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { paddingLeft: tokens.spacingHorizontalXXXL, color: tokens.colorNeutralForeground2 },
});

export interface ConfirmPowerActionProps {
  action: PowerAction;
  vms: readonly Vm[];
  onCancel(): void;
  onConfirm(options: OperationOptions): void;
}

function chosenOptions(action: PowerAction, skipShutdown: boolean, force: boolean): OperationOptions {
  if (action === 'powerOff' && skipShutdown) return { skipShutdown: true };
  if (action === 'deallocate' && force) return { forceDeallocate: true };
  return {};
}

export function ConfirmPowerAction({ action, vms, onCancel, onConfirm }: ConfirmPowerActionProps) {
  const styles = useStyles();
  const [skipShutdown, setSkipShutdown] = useState(false);
  const [force, setForce] = useState(false);
  const cancel = useRef<HTMLElement | null>(null);
  // After the dialog's own effect, which focuses its first focusable element (the option's checkbox, if any).
  useEffect(() => cancel.current?.focus(), []);
  const label = actionLabels[action];
  const check = useTargetCheck(vms);
  const now = useNow(60_000);
  const lines = productionLines(vms, check);
  const age = tagsAge(check, now);
  const noun = vms.length === 1 ? 'VM' : 'VMs';
  return (
    <Dialog modalType="alert" open onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="confirm-power-action-body">
        <DialogBody>
          <DialogTitle>
            {label.verb} {vms.length} {noun}?
          </DialogTitle>
          <DialogContent id="confirm-power-action-body" className={styles.body}>
            <div role="status" aria-atomic="false" className={styles.facts}>
              {lines.map((line) =>
                line.tone === 'problem' ? (
                  <div key={line.key} className={styles.problem}>
                    <Warning16Regular aria-hidden className={styles.problemIcon} />
                    <Text size={200}>{line.text}</Text>
                  </div>
                ) : (
                  <Text key={line.key} className={line.tone === 'production' ? styles.production : styles.note}>
                    {keepTogether(line.text, line.names, styles.name)}
                  </Text>
                ),
              )}
              {check === undefined && (
                <Spinner className={styles.checking} size="extra-tiny" label="Checking resource group tags…" />
              )}
            </div>
            {age && <Text className={styles.note}>{age}</Text>}
            <ul className={styles.list} aria-label={`${noun} to ${label.verb.toLowerCase()}`}>
              {vms.slice(0, shownNames).map((vm) => (
                <li key={vm.id}>
                  {vm.name} <Text size={200}>({vm.resourceGroup})</Text>
                </li>
              ))}
              {vms.length > shownNames && <li>and {vms.length - shownNames} more</li>}
            </ul>
            <Text>{consequences[action]}</Text>
            {action === 'powerOff' && (
              <Checkbox
                checked={skipShutdown}
                onChange={(_event, data) => setSkipShutdown(data.checked === true)}
                label="Skip the graceful shutdown (like pulling the plug)"
              />
            )}
            {action === 'deallocate' && (
              <div>
                <Checkbox
                  checked={force}
                  onChange={(_event, data) => setForce(data.checked === true)}
                  label="Force deallocate"
                  aria-describedby="force-deallocate-hint"
                />
                <Text id="force-deallocate-hint" size={200} block className={styles.hint}>
                  For VMs whose normal stop cannot finish (for example during an Azure problem): Azure releases them
                  without shutting the guest down, so unsaved data in it is lost. Azure may refuse it for a VM; the
                  reason is shown.
                </Text>
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="secondary"
              ref={(element: HTMLElement | null) => {
                cancel.current = element;
              }}
              onClick={onCancel}
            >
              Cancel
            </Button>
            <Button appearance="primary" onClick={() => onConfirm(chosenOptions(action, skipShutdown, force))}>
              {force && action === 'deallocate' ? 'Force deallocate' : label.verb} {vms.length} {noun}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The text with each of `names` in a span that does not wrap. */
function keepTogether(text: string, names: readonly string[] | undefined, className: string): ReactNode {
  if (!names || names.length === 0) return text;
  const pattern = new RegExp(`(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text.split(pattern).map((part, i) =>
    names.includes(part) ? (
      <span key={i} className={className}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/** Asks main which of the VMs are production-tagged (their resource groups' tags included); undefined meanwhile. */
function useTargetCheck(vms: readonly Vm[]): CheckState {
  // The ids' text is the identity: a new array of the same VMs (after an inventory patch) asks nothing again.
  const key = vms.map((vm) => vm.id).join('\n');
  const [state, setState] = useState<{ key: string; check: CheckState }>();
  useEffect(() => {
    // No VMs left (all went into transition while the dialog was open): nothing to ask.
    if (key === '') return undefined;
    let current = true;
    getBridge()
      .operations.checkTargets({ vmIds: key.split('\n') })
      .then(
        (result) => {
          if (!current) return;
          const check: CheckState = result.ok
            ? { ok: true, value: result.value }
            : { ok: false, message: describeError(result.error).message };
          setState({ key, check });
        },
        (error: unknown) => {
          if (current) setState({ key, check: { ok: false, message: String(error) } });
        },
      );
    return () => {
      current = false;
    };
  }, [key]);
  if (key === '') return nothingToCheck;
  return state?.key === key ? state.check : undefined;
}
