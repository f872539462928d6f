// An error from main shown as words and, where there is one, the next step; never a bare code.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AppError } from '../../preload/contract';
import { describeError } from '../errors';

export function ErrorBar({ error }: { error: AppError }) {
  const text = describeError(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {text.message}
      </MessageBarBody>
    </MessageBar>
  );
}
