// Says which VM or subscription a `clouddesk://` link asked for, above every view, until dismissed. The VM views
// select the target from the same store once they can show it (and clear it with `shown()`).
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
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
  const shown = useDeepLinkStore((state) => state.shown);
  if (!target) return null;
  return (
    <MessageBar intent="info" aria-label="Opened from a link">
      <MessageBarBody>
        <MessageBarTitle>Opened from a link</MessageBarTitle>
        The link asks for {describeTarget(target)}.
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
