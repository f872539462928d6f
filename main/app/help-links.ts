// The only pages the renderer can ask to open: it names a topic, main owns the URL. No Electron imports.
import type { HelpTopic } from '../../preload/contract.js';

const repository = 'https://github.com/cloud-desk/cloud-desk';

export const helpLinks: Record<HelpTopic, string> = {
  documentation: `${repository}#readme`,
  'report-issue': `${repository}/issues/new`,
  releases: `${repository}/releases`,
};
