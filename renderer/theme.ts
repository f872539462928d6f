// Picks the Fluent theme: the user's setting, or the OS's light/dark preference for "system"; the OS's
// high-contrast (forced colours) mode always wins, because the OS forces those colours anyway.
import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme as FluentTheme,
} from '@fluentui/react-components';
import type { Theme } from '../preload/contract';
import { useMediaQuery } from './components/use-media-query';

export type ResolvedTheme = 'light' | 'dark' | 'high-contrast';

export function useResolvedTheme(setting: Theme | undefined): ResolvedTheme {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const forcedColors = useMediaQuery('(forced-colors: active)');
  if (forcedColors) return 'high-contrast';
  if (setting === 'light' || setting === 'dark') return setting;
  return prefersDark ? 'dark' : 'light';
}

export const fluentThemes: Record<ResolvedTheme, FluentTheme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  'high-contrast': teamsHighContrastTheme,
};
