// The update status in About: what the updater is doing, in words, with the one action that fits the state.
import { Button, ProgressBar, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import { useNow } from '../../components/use-now';
import { useUpdatesStore } from './updates-store';
import { describeUpdateState } from './update-words';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function UpdateStatus() {
  const styles = useStyles();
  const state = useUpdatesStore((store) => store.state);
  const error = useUpdatesStore((store) => store.error);
  const check = useUpdatesStore((store) => store.check);
  const download = useUpdatesStore((store) => store.download);
  const restart = useUpdatesStore((store) => store.restart);
  const now = useNow(30_000);
  if (!state) return null;
  const { phase } = state;
  const canCheck = ['idle', 'not-available', 'error', 'available'].includes(phase.status);
  return (
    <section className={styles.section} aria-labelledby="updates-heading">
      <Subtitle2 as="h2" id="updates-heading" className={styles.heading}>
        Updates
      </Subtitle2>
      {error && <ErrorBar error={error} />}
      <Text role="status">{describeUpdateState(state, now)}</Text>
      {phase.status === 'downloading' && (
        <ProgressBar value={phase.percent / 100} aria-label={`Downloading version ${phase.version}`} />
      )}
      <div className={styles.actions}>
        {canCheck && <Button onClick={() => void check()}>Check for updates</Button>}
        {phase.status === 'available' && (
          <Button appearance="primary" onClick={() => void download()}>
            Download version {phase.version}
          </Button>
        )}
        {phase.status === 'downloaded' && phase.installMode === 'restart' && (
          <Button appearance="primary" onClick={() => void restart()}>
            Restart to update
          </Button>
        )}
      </div>
    </section>
  );
}
