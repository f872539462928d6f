// `npm run dev`: rebuilds main, preload and renderer on every change and runs Electron on the result,
// restarting it when main or preload change (reload the window with Ctrl+R / Cmd+R after renderer changes).
// Where no Electron binary exists it says so and points at `npm run preview`.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary } from '../e2e/electron-binary.js';

const root = join(import.meta.dirname, '..');
const binary = electronBinary();
if (!binary) {
  console.error(
    'No Electron binary here (the electron package downloads it from GitHub on first use). ' +
      'Run `npx install-electron` where GitHub is reachable, or use `npm run preview` for the browser preview.',
  );
  process.exit(1);
}

const watchers = ['main', 'preload', 'renderer'].map((mode) =>
  spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--watch', '--mode', mode], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);

let electron: ChildProcess | undefined;
let restartTimer: NodeJS.Timeout | undefined;
const pendingFirstBuild = new Set(['main', 'preload', 'renderer']);

function restartElectron(): void {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    electron?.removeAllListeners('exit');
    electron?.kill();
    electron = spawn(binary as string, ['.'], { cwd: root, stdio: 'inherit' });
    electron.on('exit', (code) => {
      for (const watcher of watchers) watcher.kill();
      process.exit(code ?? 0);
    });
  }, 300);
}

watchers.forEach((watcher, index) => {
  const mode = ['main', 'preload', 'renderer'][index] as string;
  watcher.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!chunk.toString().includes('built in')) return;
    pendingFirstBuild.delete(mode);
    if (pendingFirstBuild.size === 0 && (mode !== 'renderer' || !electron)) restartElectron();
  });
});

process.on('SIGINT', () => {
  for (const watcher of watchers) watcher.kill();
  electron?.kill();
  process.exit(0);
});
