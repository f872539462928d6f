// Power states in words: the one place a state code becomes a label, a badge colour and a hint. The label is
// always shown with the colour, so the state never depends on colour alone.
import type { PowerState } from '../../../preload/contract-inventory';

export interface PowerStateText {
  label: string;
  color: 'success' | 'warning' | 'danger' | 'informative' | 'subtle';
  /** Something the user should know about this state, e.g. that it still costs money. */
  hint?: string;
}

const texts: Record<PowerState, PowerStateText> = {
  running: { label: 'Running', color: 'success' },
  starting: { label: 'Starting', color: 'informative' },
  stopping: { label: 'Stopping', color: 'informative' },
  deallocating: { label: 'Deallocating', color: 'informative' },
  stopped: {
    label: 'Stopped',
    color: 'warning',
    hint: 'Still billed for compute: the VM keeps its hardware. Deallocate to stop paying for compute.',
  },
  deallocated: { label: 'Deallocated', color: 'subtle' },
  hibernated: { label: 'Hibernated', color: 'subtle' },
  unknown: { label: 'Unknown', color: 'subtle', hint: 'Azure did not report a power state for this VM.' },
};

export function describePowerState(state: PowerState): PowerStateText {
  return texts[state];
}
