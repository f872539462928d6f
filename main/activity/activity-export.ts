// Exporting the activity log: where a save dialog exists (Electron, through the FileSaver adapter in
// main/platform/) main writes the file the user picked and answers its path; where none exists (the browser
// preview) main answers the CSV text and the page downloads it. No Electron imports.
import type { ActivityExport, ActivityFilter } from '../../preload/contract-operations.js';
import type { ActivityLog } from './activity-log.js';

export interface FileSaver {
  /** Asks where to save (suggesting `fileName`) and writes `content` there; null when the user cancelled. */
  save(fileName: string, content: string): Promise<string | null>;
}

export async function exportActivity(
  activity: ActivityLog,
  saver: FileSaver | undefined,
  filter: ActivityFilter,
): Promise<ActivityExport> {
  const { fileName, csv, rows } = activity.exportCsv(filter);
  if (!saver) return { fileName, savedTo: null, csv, rows };
  return { fileName, savedTo: await saver.save(fileName, csv), csv: null, rows };
}
