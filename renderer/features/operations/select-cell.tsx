// The selection checkbox of a VM's row. The grid handles the click (with Shift for a range, Ctrl for one more)
// and Space on a row; the row itself carries aria-selected, so the box is a visual cue and a pointer target,
// hidden from assistive technology (which hears the row's selection) and out of the tab order.
import { Checkbox } from '@fluentui/react-components';

export function SelectCell({ selected }: { selected: boolean }) {
  return (
    <span aria-hidden data-select-toggle="">
      <Checkbox checked={selected} tabIndex={-1} />
    </span>
  );
}
