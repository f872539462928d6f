// The browser preview's host as a child process on a free port, for the e2e fixtures and the benchmarks: ready
// once it prints its URL (one JSON line), stopped with SIGTERM. Test and tool code only.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(import.meta.dirname, '..');

export interface PreviewHostProcess {
  url: string;
  stop(): Promise<void>;
}

function firstJsonLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) throw new Error('the preview host has no stdout');
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`the preview host printed something other than its URL: ${line}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`the preview host exited with ${code} before it was ready`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  // A host that died by a signal (killed, crashed) has a signalCode and no exitCode: it will not exit again.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts `preview/cli.ts` with `env` (its data folder and cloud configuration) and waits for its URL. */
export async function spawnPreviewHost(env: NodeJS.ProcessEnv): Promise<PreviewHostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'preview', 'cli.ts'), '--port', '0'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    return { url: await firstJsonLine(child), stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
