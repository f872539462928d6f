// Which view the shell shows, so a view can send the user to another one (e.g. Accounts -> Settings to enter
// the client id) and name the element to focus there. Holds no data of its own.
import { create } from 'zustand';

export type ViewId = 'accounts' | 'activity' | 'settings' | 'about';

interface NavigationState {
  view: ViewId;
  /** The id of an element the arriving view should focus once, e.g. a settings field. */
  focusId: string | undefined;
  go(view: ViewId, focusId?: string): void;
  /** Called by the view once it has focused the element. */
  focused(): void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  view: 'accounts',
  focusId: undefined,
  go(view, focusId) {
    set({ view, focusId });
  },
  focused() {
    set({ focusId: undefined });
  },
}));
