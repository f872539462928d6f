// Shows the sign-in main is running: waiting for the browser (with "Open the sign-in page again", "Copy link" and
// "Try another way"), the device code to type in (with Copy), or finishing; always with the time left and "Cancel
// sign-in", which says "Cancelling…" at once. Renders nothing when no flow runs.
import { Button, Card, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular, Dismiss20Regular, Key20Regular, Open20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { SignInFlow } from '../../../preload/contract';
import { focusLost } from '../../components/focus';
import { useNow } from '../../components/use-now';
import { useAccountsStore, usePending, useSignInRunning } from '../../stores/accounts-store';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
  },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { margin: 0 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.12em',
    userSelect: 'all',
  },
  codeRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  url: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all', overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
  noteParagraph: { color: tokens.colorNeutralForeground3, margin: 0 },
  paragraph: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

function timeLeft(expiresAt: string, now: number): string {
  const seconds = Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

function headline(flow: SignInFlow | null): string {
  switch (flow?.state) {
    case 'waiting_for_browser':
      return 'Waiting for you to finish in the browser…';
    case 'waiting_for_device_code':
      return 'Enter this code on the sign-in page';
    case 'completing':
      return 'Finishing sign-in…';
    default:
      return 'Starting sign-in…';
  }
}

export function SignInPanel() {
  const styles = useStyles();
  const running = useSignInRunning();
  const flow = useAccountsStore((state) => state.flow);
  const target = useAccountsStore((state) => {
    if (!state.flow?.accountId || !state.flow.tenantId) return undefined;
    const account = state.accounts.find((candidate) => candidate.id === state.flow?.accountId);
    return account?.tenants.find((tenant) => tenant.tenantId === state.flow?.tenantId)?.displayName;
  });
  const cancel = useAccountsStore((state) => state.cancelSignIn);
  const tryAnotherWay = useAccountsStore((state) => state.tryAnotherWay);
  const now = useNow(1000);
  // Which flow's code the note is about, so a new flow starts without an old "Code copied."
  const [copied, setCopied] = useState<{ flowId: string; note: string }>();
  // The flow the user asked to cancel: says "Cancelling…" at once, while main stops the flow.
  const [cancelling, setCancelling] = useState<string>();

  // A sign-in started from a dialog or a button that went away leaves the keyboard nowhere: bring it here, where
  // the sign-in can be followed and cancelled. After the dialog has closed and returned focus, if it could.
  useEffect(() => {
    if (!running) return;
    const frame = requestAnimationFrame(() => {
      if (focusLost()) document.getElementById('sign-in-panel-heading')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [running]);

  if (!running) return null;
  const live = flow && flow.state !== 'done' && flow.state !== 'failed' && flow.state !== 'cancelled' ? flow : null;
  const flowKey = live?.flowId ?? 'starting';
  const isCancelling = cancelling === flowKey;

  const copy = async (flowId: string, code: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied({ flowId, note: 'Code copied.' });
    } catch {
      setCopied({ flowId, note: 'Could not copy: select the code and copy it yourself.' });
    }
  };

  return (
    <Card className={styles.panel} role="region" aria-labelledby="sign-in-panel-heading">
      <div className={styles.heading}>
        {live?.state !== 'waiting_for_device_code' && <Spinner size="small" />}
        <div>
          <Subtitle2 as="h2" id="sign-in-panel-heading" className={styles.title} tabIndex={-1}>
            {target ? `Signing in to ${target}` : 'Signing in'}
          </Subtitle2>
          <Text as="p" role="status" block className={styles.title}>
            {isCancelling ? 'Cancelling the sign-in…' : headline(live)}
          </Text>
        </div>
      </div>
      {live?.state === 'waiting_for_browser' && (
        <>
          <Text as="p" block className={styles.paragraph}>
            A Microsoft sign-in page opened in your browser. Finish signing in there; Cloud Desk continues by itself.
          </Text>
          <BrowserPageActions flowId={live.flowId} />
        </>
      )}
      {live?.state === 'waiting_for_device_code' && live.userCode && (
        <>
          <div className={styles.codeRow}>
            <span className={styles.code}>{live.userCode}</span>
            <Button icon={<Copy20Regular />} onClick={() => void copy(live.flowId, live.userCode ?? '')}>
              Copy code
            </Button>
            <Text role="status">{copied?.flowId === live.flowId ? copied.note : ''}</Text>
          </div>
          {live.verificationUri && (
            <Text as="p" block className={styles.paragraph}>
              Open <span className={styles.url}>{live.verificationUri}</span> in a browser on any device, enter the code
              and sign in.
            </Text>
          )}
          <Text as="p" block className={styles.noteParagraph}>
            Some organizations’ Conditional Access policies block sign-in with a code. If yours does, cancel and sign in
            with the browser instead.
          </Text>
        </>
      )}
      <div className={styles.actions}>
        <Button
          icon={isCancelling ? <Spinner size="tiny" /> : <Dismiss20Regular />}
          disabledFocusable={isCancelling}
          onClick={() => {
            setCancelling(flowKey);
            void cancel();
          }}
        >
          {isCancelling ? 'Cancelling…' : 'Cancel sign-in'}
        </Button>
        {live?.state === 'waiting_for_browser' && !isCancelling && (
          <Button appearance="subtle" icon={<Key20Regular />} onClick={() => void tryAnotherWay()}>
            Try another way: sign in with a code
          </Button>
        )}
        {live && (
          <Text role="timer" className={styles.note}>
            Time left: {timeLeft(live.expiresAt, now)}
          </Text>
        )}
      </div>
    </Card>
  );
}

/** For a sign-in page that was closed, opened behind a window, or is wanted in another browser. */
function BrowserPageActions({ flowId }: { flowId: string }) {
  const styles = useStyles();
  const reopen = useAccountsStore((state) => state.reopenSignInPage);
  const link = useAccountsStore((state) => state.signInLink);
  const reopening = usePending('reopen');
  const [note, setNote] = useState<{ flowId: string; text: string }>();

  const copy = async (): Promise<void> => {
    const result = await link();
    if (!result.ok) return setNote({ flowId, text: `Could not get the link: ${result.error.message}` });
    try {
      await navigator.clipboard.writeText(result.value);
      setNote({ flowId, text: 'Link copied: paste it into the browser you want to sign in with.' });
    } catch {
      setNote({ flowId, text: 'Could not copy the link to the clipboard.' });
    }
  };

  return (
    <div className={styles.actions}>
      <Button icon={<Open20Regular />} disabledFocusable={reopening} onClick={() => void reopen()}>
        Open the sign-in page again
      </Button>
      <Button appearance="subtle" icon={<Copy20Regular />} onClick={() => void copy()}>
        Copy link
      </Button>
      <Text role="status" className={styles.note}>
        {note?.flowId === flowId ? note.text : ''}
      </Text>
    </div>
  );
}
