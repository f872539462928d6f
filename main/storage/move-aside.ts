// Moves an unreadable file out of the way with a timestamp, so nothing is silently deleted and the user
// (or support) can still recover it. Node only; no Electron.
import { existsSync, renameSync } from 'node:fs';

export function moveAside(filePath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${filePath}.corrupt-${stamp}`;
  for (let n = 1; existsSync(target); n += 1) target = `${filePath}.corrupt-${stamp}-${n}`;
  renameSync(filePath, target);
  return target;
}
