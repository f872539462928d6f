// A non-modal banner above every view once an update is downloaded: restart now, or later (it installs on quit).
// Dismissing it hides it for this version only; About keeps the same action.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useUpdatesStore } from './updates-store';

export function UpdateBanner() {
  const phase = useUpdatesStore((store) => store.state?.phase);
  const restart = useUpdatesStore((store) => store.restart);
  const [dismissed, setDismissed] = useState<string>();
  if (phase?.status !== 'downloaded' || phase.installMode !== 'restart' || dismissed === phase.version) return null;
  return (
    <MessageBar intent="success" aria-label="Update ready">
      <MessageBarBody>
        <MessageBarTitle>Cloud Desk {phase.version} is ready</MessageBarTitle>
        Restart to use it now, or keep working: it installs when you quit.
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss: update ready"
            icon={<Dismiss20Regular />}
            onClick={() => setDismissed(phase.version)}
          />
        }
      >
        <Button onClick={() => void restart()}>Restart to update</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
