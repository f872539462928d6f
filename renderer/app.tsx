// The app shell: theme, the navigation between views (VMs first; Accounts on a first run), and notices from main above the current
// view. The stores' loads and event subscriptions start before it renders (start-stores.ts).
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  Desktop20Regular,
  Dismiss20Regular,
  History20Regular,
  Info20Regular,
  Key20Regular,
  PersonAccounts20Regular,
  Settings20Regular,
} from '@fluentui/react-icons';
import { useEffect, type ReactElement } from 'react';
import { useMediaQuery } from './components/use-media-query';
import { AboutView } from './features/about/about-view';
import { AccountsView } from './features/accounts/accounts-view';
import { ActivityView } from './features/activity/activity-view';
import { OperationsToaster } from './features/operations/operations-toaster';
import { noticesShownAsBanners } from './features/accounts/status-banners';
import { SettingsView } from './features/settings/settings-view';
import { SubscriptionsView } from './features/subscriptions/subscriptions-view';
import { VmsView } from './features/vms/vms-view';
import { DeepLinkBanner } from './features/deep-links/deep-link-banner';
import { UpdateBanner } from './features/updates/update-banner';
import { useNavigationStore, type ViewId } from './stores/navigation-store';
import { useNoticesStore } from './stores/notices-store';
import { useSettingsStore } from './stores/settings-store';
import { fluentThemes, useResolvedTheme } from './theme';

const views: { id: ViewId; label: string; icon: ReactElement; render: () => ReactElement }[] = [
  { id: 'vms', label: 'Virtual machines', icon: <Desktop20Regular />, render: () => <VmsView /> },
  { id: 'subscriptions', label: 'Subscriptions', icon: <Key20Regular />, render: () => <SubscriptionsView /> },
  { id: 'accounts', label: 'Accounts', icon: <PersonAccounts20Regular />, render: () => <AccountsView /> },
  { id: 'activity', label: 'Activity', icon: <History20Regular />, render: () => <ActivityView /> },
  { id: 'settings', label: 'Settings', icon: <Settings20Regular />, render: () => <SettingsView /> },
  { id: 'about', label: 'About', icon: <Info20Regular />, render: () => <AboutView /> },
];

// The provider fills the window through an inline style, not a class: Fluent copies the provider's classes onto
// every portal's mount node (menus, dialogs, tooltips), and a full-height class there covered the app.
const providerStyle = { height: '100%' } as const;

// Below this width the navigation shows icons only, so the view keeps room for its tables.
const compactQuery = '(max-width: 899.98px)';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: '200px minmax(0, 1fr)',
    [`@media ${compactQuery}`]: { gridTemplateColumns: 'auto minmax(0, 1fr)' },
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    gridColumn: '1 / -1',
    display: 'flex',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  nav: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    // Labels start at one line: Fluent centres each label in the room its bold (selected) form reserves, which set
    // the unselected ones a few pixels right of the selected one, and a reserved form that wrapped (wider fonts in
    // high contrast) made its tab taller than the others.
    textAlign: 'start',
    whiteSpace: 'nowrap',
    '@media (forced-colors: active)': {
      // In high contrast the hover bar is drawn in Highlight, like a second selection beside the selected tab's
      // bar: hover shows as a Highlight label instead.
      ':hover::before': { backgroundColor: 'transparent' },
      '&[aria-selected="false"]:enabled:hover .fui-Tab__content': { color: 'Highlight' },
      '&[aria-selected="false"]:enabled:hover .fui-Tab__icon': { color: 'Highlight' },
    },
  },
  main: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    [`@media ${compactQuery}`]: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

export function App() {
  const styles = useStyles();
  const settings = useSettingsStore((state) => state.settings);
  const notices = useNoticesStore((state) => state.notices);
  const dismiss = useNoticesStore((state) => state.dismiss);
  const theme = useResolvedTheme(settings?.theme);
  const view = useNavigationStore((state) => state.view);
  const go = useNavigationStore((state) => state.go);
  const compact = useMediaQuery(compactQuery);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  const current = views.find((candidate) => candidate.id === view) ?? views[0];

  return (
    <FluentProvider theme={fluentThemes[theme]} style={providerStyle}>
      <div className={styles.shell}>
        <header className={styles.header}>
          <Text as="span" weight="semibold" size={400}>
            Cloud Desk
          </Text>
        </header>
        <nav className={styles.nav} aria-label="Views">
          <TabList
            vertical
            selectedValue={view}
            onTabSelect={(_event, data) => {
              const next = views.find((candidate) => candidate.id === data.value);
              if (next) go(next.id);
            }}
          >
            {views.map((candidate) =>
              compact ? (
                <Tooltip key={candidate.id} content={candidate.label} relationship="label" positioning="after">
                  <Tab className={styles.tab} value={candidate.id} icon={candidate.icon} />
                </Tooltip>
              ) : (
                <Tab key={candidate.id} className={styles.tab} value={candidate.id} icon={candidate.icon}>
                  {candidate.label}
                </Tab>
              ),
            )}
          </TabList>
        </nav>
        <main className={styles.main}>
          <UpdateBanner />
          <DeepLinkBanner />
          {notices
            .filter((notice) => view !== 'accounts' || !noticesShownAsBanners.has(notice.id))
            .map((notice) => (
              // A notice keeps its full height: the view below scrolls, the notice's words never run over it.
              <MessageBar key={notice.id} intent={notice.level} style={{ flexShrink: 0 }}>
                <MessageBarBody>
                  <MessageBarTitle>{notice.title}</MessageBarTitle>
                  {notice.message}
                </MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button
                      appearance="transparent"
                      aria-label={`Dismiss: ${notice.title}`}
                      icon={<Dismiss20Regular />}
                      onClick={() => void dismiss(notice.id)}
                    />
                  }
                />
              </MessageBar>
            ))}
          {current?.render()}
        </main>
        <OperationsToaster />
      </div>
    </FluentProvider>
  );
}
