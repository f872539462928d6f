// While a `clouddesk://` link waits for its VM or subscription, says so above every view: still looking (the
// inventory loads or a refresh runs) or not found in the inventory of the connected accounts (it opens if it
// appears). Dismissing it forgets the link. Once the target is shown the banner goes: the view itself shows it.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { DeepLinkTarget } from '../../../preload/contract-desktop';
import { useDeepLinkStore } from '../../stores/deep-link-store';

export function describeTarget(target: DeepLinkTarget): string {
  return target.kind === 'vm'
    ? `VM ${target.name} in resource group ${target.resourceGroup}, subscription ${target.subscriptionId}`
    : `subscription ${target.subscriptionId}`;
}

export function DeepLinkBanner() {
  const target = useDeepLinkStore((state) => state.target);
  const status = useDeepLinkStore((state) => state.status);
  const shown = useDeepLinkStore((state) => state.shown);
  if (!target) return null;
  const looking = status === 'looking';
  return (
    <MessageBar
      intent={looking ? 'info' : 'warning'}
      layout="multiline"
      aria-label="Opened from a link"
      {...(looking ? { icon: <Spinner size="extra-tiny" /> } : {})}
      style={{ flexShrink: 0 }}
    >
      <MessageBarBody>
        <MessageBarTitle>Opened from a link</MessageBarTitle>
        {looking
          ? `Looking for the ${describeTarget(target)} in the inventory.`
          : `The ${describeTarget(target)} is not in the inventory of your connected accounts. It opens here if it ` +
            'appears, for example after you sign in to the account that reaches it.'}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss: opened from a link"
            icon={<Dismiss20Regular />}
            onClick={shown}
          />
        }
      />
    </MessageBar>
  );
}
