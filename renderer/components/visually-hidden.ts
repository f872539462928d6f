// Text for screen readers only: kept in the accessibility tree, drawn nowhere. Spread into a makeStyles rule.
import type { GriffelStyle } from '@fluentui/react-components';

export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};
