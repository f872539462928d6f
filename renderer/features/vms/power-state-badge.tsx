// A VM's power state as a badge with its label (never colour alone); a state with a hint (Stopped: still billed)
// shows an icon and carries the hint as the badge's description and tooltip.
import { Badge, Tooltip } from '@fluentui/react-components';
import { Warning12Regular } from '@fluentui/react-icons';
import type { PowerState } from '../../../preload/contract-inventory';
import { describePowerState } from './power-state';

export function PowerStateBadge({ state }: { state: PowerState }) {
  const text = describePowerState(state);
  // The hint is the badge's own description; the tooltip only shows it to the pointer. A `description` tooltip
  // would keep its hidden content rendered in a portal for every such badge on screen (a grid of stopped VMs), and
  // each portal costs React a root's worth of event listeners whenever rows mount.
  const badge = (
    <Badge
      appearance="tint"
      color={text.color}
      {...(text.hint ? { 'aria-description': text.hint } : {})}
      {...(text.hint && state === 'stopped' ? { icon: <Warning12Regular />, iconPosition: 'after' as const } : {})}
    >
      {text.label}
    </Badge>
  );
  if (!text.hint) return badge;
  return (
    <Tooltip content={text.hint} relationship="inaccessible">
      {badge}
    </Tooltip>
  );
}
