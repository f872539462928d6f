// About: what is running where (versions, runtime, data folder) and the help links main is allowed to open.
import { Button, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AppError, AppInfo, HelpTopic } from '../../../preload/contract';
import { getBridge } from '../../bridge';
import { ErrorBar } from '../../components/error-bar';
import { UpdateStatus } from '../updates/update-status';
import { DiagnosticsActions } from './diagnostics-actions';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  heading: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace },
  row: { display: 'contents' },
  spinner: { justifyContent: 'flex-start' },
  links: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const links: { topic: HelpTopic; label: string }[] = [
  { topic: 'documentation', label: 'Documentation' },
  { topic: 'releases', label: 'Release notes' },
  { topic: 'report-issue', label: 'Report an issue' },
];

function facts(info: AppInfo): [string, string][] {
  const rows: [string, string][] = [
    ['Version', info.version],
    ['Runs in', info.runtime === 'electron' ? 'Desktop app (Electron)' : 'Browser preview'],
    ['Platform', `${info.platform} (${info.arch})`],
  ];
  if (info.versions.electron) rows.push(['Electron', info.versions.electron]);
  if (info.versions.chrome) rows.push(['Chromium', info.versions.chrome]);
  rows.push(['Node.js', info.versions.node], ['Packaged', info.packaged ? 'Yes' : 'No'], ['Data folder', info.dataDir]);
  return rows;
}

export function AboutView() {
  const styles = useStyles();
  const [info, setInfo] = useState<AppInfo>();
  const [error, setError] = useState<AppError>();

  useEffect(() => {
    let live = true;
    void getBridge()
      .app.getInfo()
      .then((result) => {
        if (!live) return;
        if (result.ok) setInfo(result.value);
        else setError(result.error);
      });
    return () => {
      live = false;
    };
  }, []);

  const open = async (topic: HelpTopic) => {
    const result = await getBridge().app.openHelp(topic);
    setError(result.ok ? undefined : result.error);
  };

  return (
    <section className={styles.view} aria-labelledby="about-heading">
      <Title2 as="h1" id="about-heading" className={styles.heading}>
        About {info?.name ?? 'Cloud Desk'}
      </Title2>
      {error && <ErrorBar error={error} />}
      {info ? (
        <dl className={styles.facts} aria-label="Application details">
          {facts(info).map(([term, value]) => (
            <div key={term} className={styles.row}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        !error && <Spinner size="small" label="Loading details…" className={styles.spinner} />
      )}
      <UpdateStatus />
      <div className={styles.links}>
        {links.map((link) => (
          <Button key={link.topic} onClick={() => void open(link.topic)}>
            {link.label}
          </Button>
        ))}
      </div>
      <DiagnosticsActions />
    </section>
  );
}
