// Picks the Fluent theme: the user's setting, or the OS's light/dark preference for "system"; the OS's
// high-contrast (forced colours) mode always wins, because the OS forces those colours anyway.
import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme as FluentTheme,
} from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { Theme } from '../preload/contract';

export type ResolvedTheme = 'light' | 'dark' | 'high-contrast';

function mediaQuery(query: string): () => boolean {
  return () => window.matchMedia(query).matches;
}

function subscribeMedia(query: string) {
  return (notify: () => void): (() => void) => {
    const list = window.matchMedia(query);
    list.addEventListener('change', notify);
    return () => list.removeEventListener('change', notify);
  };
}

const darkQuery = '(prefers-color-scheme: dark)';
const contrastQuery = '(forced-colors: active)';
const watchDark = subscribeMedia(darkQuery);
const watchContrast = subscribeMedia(contrastQuery);
const readDark = mediaQuery(darkQuery);
const readContrast = mediaQuery(contrastQuery);

export function useResolvedTheme(setting: Theme | undefined): ResolvedTheme {
  const prefersDark = useSyncExternalStore(watchDark, readDark);
  const forcedColors = useSyncExternalStore(watchContrast, readContrast);
  if (forcedColors) return 'high-contrast';
  if (setting === 'light' || setting === 'dark') return setting;
  return prefersDark ? 'dark' : 'light';
}

export const fluentThemes: Record<ResolvedTheme, FluentTheme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  'high-contrast': teamsHighContrastTheme,
};
