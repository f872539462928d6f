// The power-state cell of a VM's row: while an operation runs on the VM, a spinner with Azure's transitional
// state ("Deallocating") or what is being sent; otherwise the VM's power-state badge.
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Vm } from '../../../preload/contract-inventory';
import { actionLabels, type Operation } from '../../../preload/contract-operations';
import { PowerStateBadge } from '../vms/power-state-badge';
import { describePowerState } from '../vms/power-state';

const useStyles = makeStyles({
  busy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
});

export function PowerCell({ vm, operation }: { vm: Vm; operation: Operation | undefined }) {
  const styles = useStyles();
  if (!operation) return <PowerStateBadge state={vm.powerState} />;
  const power = operation.powerState ?? vm.powerState;
  const transitional = power === 'starting' || power === 'stopping' || power === 'deallocating';
  const text = transitional
    ? describePowerState(power).label
    : `${actionLabels[operation.action].progress}${operation.state === 'accepted' ? ' (sending)' : ''}`;
  return (
    <span className={styles.busy}>
      <Spinner size="extra-tiny" aria-hidden />
      <Text>{text}</Text>
    </span>
  );
}
