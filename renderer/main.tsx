// Renderer entry: mounts the shell, or says plainly why it cannot (no bridge means not opened by the app).
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { App } from './app';
import { BridgeMissingError, getBridge } from './bridge';
import { startStores } from './start-stores';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

try {
  getBridge();
  // Before the first render, so the data it waits for is on its way meanwhile; the page never unmounts the app.
  startStores();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} catch (error) {
  if (!(error instanceof BridgeMissingError)) throw error;
  root.textContent = error.message;
}
