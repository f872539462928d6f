// Loaded (node --import) into the electronegativity CLI by scripts/security-scan.ts to keep it offline.
// electronegativity 1.10.3 always fetches translations with `got`; with no network, got's retry timer throws
// after the promise has settled and crashes the process at a random point of the scan. Here `got`, as
// required from inside electronegativity only, fails at once, so the tool falls back to its bundled
// English strings. It must not touch any other module or any other package's network access.
import Module from 'node:module';
import path from 'node:path';

const toolDir = `${path.sep}@doyensec${path.sep}electronegativity${path.sep}`;
const originalLoad = Module._load;

Module._load = function loadWithoutNetwork(request, parent, isMain) {
  if (request === 'got' && typeof parent?.filename === 'string' && parent.filename.includes(toolDir)) {
    return () => Promise.reject(new Error('network access disabled by scripts/electronegativity-offline.mjs'));
  }
  return originalLoad.call(this, request, parent, isMain);
};
