// Why a sign-in stopped at the consent step, and what to do next: the user declined the permissions Cloud Desk
// asks for, or the tenant lets only an administrator approve apps. Offers the tenant's admin-consent page, which
// main builds and opens in the browser. A user's own cancel never gets here: that stays quiet.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss20Regular, Open20Regular } from '@fluentui/react-icons';
import type { ConsentProblem } from '../../../preload/contract';
import { useAccountsStore, usePending } from '../../stores/accounts-store';

const words: Record<ConsentProblem['kind'], { title: string; message: string }> = {
  declined: {
    title: 'Sign-in stopped: the permissions were declined',
    message:
      'Cloud Desk needs to act in Azure as you (the Azure Service Management permission). Sign in again and accept ' +
      'the permissions, or, if your organisation does not let you, ask an administrator to approve Cloud Desk ' +
      'for everyone on the admin-consent page.',
  },
  admin_approval_required: {
    title: 'An administrator must approve Cloud Desk in this tenant',
    message:
      'Your organisation lets only administrators approve apps like Cloud Desk. Send an administrator the ' +
      'admin-consent page (it opens in your browser, where you can copy its address), or open it and approve ' +
      'if you are one. Then sign in again.',
  },
};

export function ConsentBar({ problem }: { problem: ConsentProblem }) {
  const open = useAccountsStore((state) => state.openAdminConsent);
  const dismiss = useAccountsStore((state) => state.dismissConsent);
  const opening = usePending('adminConsent');
  const text = words[problem.kind];
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {text.message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label={`Dismiss: ${text.title}`}
            icon={<Dismiss20Regular />}
            onClick={dismiss}
          />
        }
      >
        <Button icon={<Open20Regular />} disabledFocusable={opening} onClick={() => void open(problem)}>
          Open the admin-consent page
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
