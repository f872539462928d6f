// One config, four bundles picked by --mode: `renderer` (React app, default), `main` (Electron main, ESM),
// `preload` (one CommonJS file, everything but electron bundled in, as a sandboxed preload requires) and
// `preview-bridge` (the browser preview's stand-in for the preload). Also Vitest's settings.
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import type { UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

const nodeTarget = 'node22';
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies),
];

const bundles: Record<string, UserConfig> = {
  main: {
    build: {
      ssr: 'main/index.ts',
      outDir: 'dist/main',
      target: nodeTarget,
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: { external, output: { format: 'es', entryFileNames: 'index.js' } },
    },
  },
  preload: {
    ssr: { noExternal: true },
    build: {
      ssr: 'preload/index.ts',
      outDir: 'dist/preload',
      target: nodeTarget,
      emptyOutDir: true,
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
      },
    },
  },
  'preview-bridge': {
    build: {
      outDir: 'dist/preview',
      emptyOutDir: true,
      target: 'chrome130',
      lib: {
        entry: 'preview/bridge.ts',
        formats: ['iife'],
        name: 'cloudDeskPreviewBridge',
        fileName: () => 'bridge.js',
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: '/',
    plugins: [react()],
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: true },
  },
};

export default defineConfig(({ mode }) => ({
  ...(bundles[mode] ?? bundles['renderer']),
  test: {
    root: '.',
    include: ['{main,preload,renderer,emulator,preview,scripts}/**/*.test.{ts,tsx}', 'electron-builder.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
}));
