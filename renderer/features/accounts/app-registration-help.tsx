// Explains the app registration a cloud needs before anyone can sign in to it, and links to the Settings field
// where its client id goes. Words only: it changes nothing itself.
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Cloud } from '../../../preload/contract';
import { useNavigationStore } from '../../stores/navigation-store';
import { clientIdFieldId } from '../settings/sign-in-fields';

const useStyles = makeStyles({
  steps: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export function AppRegistrationHelp({ cloud, id }: { cloud: Cloud; id?: string }) {
  const styles = useStyles();
  const go = useNavigationStore((state) => state.go);
  return (
    <MessageBar intent="warning" layout="multiline" id={id}>
      <MessageBarBody>
        <MessageBarTitle>Sign-in to {cloud.name} needs an app registration</MessageBarTitle>
        Cloud Desk signs you in through an application registered in your organization’s Microsoft Entra ID. Ask an
        administrator for one, or register it yourself:
        <ol className={styles.steps}>
          <li>Register a new application and allow public client flows (Authentication, Advanced settings).</li>
          <li>
            Add the platform “Mobile and desktop applications” with the redirect URI{' '}
            <span className={styles.code}>http://localhost</span>.
          </li>
          <li>
            Under API permissions, add <strong>Azure Service Management</strong>, delegated permission{' '}
            <span className={styles.code}>user_impersonation</span>.
          </li>
        </ol>
        Then enter its Application (client) ID in{' '}
        <Link as="button" inline onClick={() => go('settings', clientIdFieldId)}>
          Settings, Sign-in
        </Link>
        .
      </MessageBarBody>
    </MessageBar>
  );
}
