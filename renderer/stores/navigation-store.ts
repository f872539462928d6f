// Which view the shell shows, so a view can send the user to another one (e.g. Accounts -> Settings to enter
// the client id) and name the element to focus there. Holds no data of its own.
import { create } from 'zustand';

export type ViewId = 'vms' | 'subscriptions' | 'accounts' | 'activity' | 'settings' | 'about';

interface NavigationState {
  view: ViewId;
  /** The id of an element the arriving view should focus once, e.g. a settings field. */
  focusId: string | undefined;
  /** True once the user (or a view) chose where to go; until then the app may pick the first view. */
  chosen: boolean;
  go(view: ViewId, focusId?: string): void;
  /** Opens `view` first, unless a view was already chosen. */
  startOn(view: ViewId): void;
  /** Called by the view once it has focused the element. */
  focused(): void;
}

export const useNavigationStore = create<NavigationState>()((set, get) => ({
  view: 'vms',
  focusId: undefined,
  chosen: false,
  go(view, focusId) {
    set({ view, focusId, chosen: true });
  },
  startOn(view) {
    if (!get().chosen) set({ view });
  },
  focused() {
    set({ focusId: undefined });
  },
}));
