// An error from main shown as words and, where there is one, the next step; never a bare code. `action` says
// what the user was doing ("Could not sign out"), so the title reads as cause and effect.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { AppError } from '../../preload/contract';
import { describeError } from '../errors';

export function ErrorBar({ error, action, onDismiss }: { error: AppError; action?: string; onDismiss?: () => void }) {
  const text = describeError(error);
  const title = action ? `${action}: ${text.title}` : text.title;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text.message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label={`Dismiss: ${title}`}
              icon={<Dismiss20Regular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
