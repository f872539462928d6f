// Accounts, the clouds they live in and the running sign-in flow, as main reports them: loaded once, then kept
// current by the `accounts` and `signIn` events. Actions call the bridge and keep failures as values for the
// view to word; nothing here throws, holds a token or decides policy (main does).
import { create } from 'zustand';
import type {
  AccountSummary,
  AppError,
  ArgOf,
  Cloud,
  ConsentProblem,
  Result,
  ResultOf,
  SignInFlow,
} from '../../preload/contract';
import { getBridge } from '../bridge';
import { signInAnnouncement } from '../features/accounts/announcements';

export type SignInMethod = SignInFlow['method'];
export type ServicePrincipalArgs = ArgOf<'accounts.addServicePrincipal'>;

/** What a sign-in is for: a new account in a cloud, or one tenant of an account that needs it. */
export type SignInTarget =
  { kind: 'account'; cloudId: string; loginHint?: string } | { kind: 'tenant'; accountId: string; tenantId: string };

/** A sign-in that finished: which account, the sentence that announces it; `seq` tells repeats apart. */
export interface CompletedSignIn {
  accountId: string;
  /** The tenant a tenant sign-in was for; absent for a new account. */
  tenantId?: string;
  announcement: string;
  seq: number;
}

/** A failed action with what the user was doing, so the view can say both. */
export interface ActionError {
  action: string;
  error: AppError;
}

interface AccountsState {
  accounts: AccountSummary[];
  clouds: Cloud[];
  loaded: boolean;
  loadError: AppError | undefined;
  /** The flow main is running, from the `signIn` event; null when none runs. */
  flow: SignInFlow | null;
  /** True from the moment the user starts a sign-in until main's answer arrives. */
  signingIn: boolean;
  error: ActionError | undefined;
  /** Why the last sign-in failed when consent stopped it (declined, or an administrator must approve). */
  consent: ConsentProblem | undefined;
  /** The last sign-in that finished, for the view to announce and scroll to. */
  completed: CompletedSignIn | undefined;
  /** Keys of actions waiting for main's answer, to disable their buttons: 'refresh', `signOut:<id>`, ... */
  pending: readonly string[];
  load(): Promise<void>;
  signIn(target: SignInTarget, method: SignInMethod): Promise<boolean>;
  /** Cancels a browser sign-in and starts the same one with a device code. */
  tryAnotherWay(): Promise<void>;
  cancelSignIn(): Promise<void>;
  /** Opens the page the browser sign-in waits on again. */
  reopenSignInPage(): Promise<void>;
  /** The address of that page, to copy. */
  signInLink(): Promise<Result<string>>;
  addServicePrincipal(args: ServicePrincipalArgs): Promise<Result<AccountSummary>>;
  setTenantHidden(accountId: string, tenantId: string, hidden: boolean): Promise<void>;
  /** Re-checks one account, or all of them without an id. */
  refresh(accountId?: string): Promise<void>;
  signOut(accountId: string): Promise<boolean>;
  signOutAll(): Promise<boolean>;
  resetSignInData(): Promise<boolean>;
  dismissError(): void;
  /** Opens the admin-consent page for the tenant consent stopped a sign-in in. */
  openAdminConsent(problem: ConsentProblem): Promise<void>;
  dismissConsent(): void;
}

function upsert(accounts: AccountSummary[], account: AccountSummary): AccountSummary[] {
  const index = accounts.findIndex((candidate) => candidate.id === account.id);
  if (index === -1) return [...accounts, account];
  return accounts.map((candidate, i) => (i === index ? account : candidate));
}

const signInFailed = 'Sign-in did not finish';

// The sign-in call in flight and what it was for; "Try another way" replaces it, and the replaced call's
// `cancelled` answer must not read as a failure.
let attempt = 0;
let running: { id: number; target: SignInTarget; done: Promise<unknown> } | undefined;

export const useAccountsStore = create<AccountsState>()((set, get) => {
  /** Runs one bridge call under a pending key; a failure becomes `error` with the action's words. */
  async function track<T>(key: string, action: string, call: () => Promise<Result<T>>): Promise<Result<T>> {
    set((state) => ({ pending: [...state.pending, key], error: undefined }));
    const result = await call();
    set((state) => ({
      pending: state.pending.filter((candidate) => candidate !== key),
      ...(result.ok ? {} : { error: { action, error: result.error } }),
    }));
    return result;
  }

  return {
    accounts: [],
    clouds: [],
    loaded: false,
    loadError: undefined,
    flow: null,
    signingIn: false,
    error: undefined,
    completed: undefined,
    consent: undefined,
    pending: [],

    async load() {
      const bridge = getBridge();
      const [clouds, accounts] = await Promise.all([bridge.clouds.list(), bridge.accounts.list()]);
      set({
        loaded: true,
        clouds: clouds.ok ? clouds.value : get().clouds,
        accounts: accounts.ok ? accounts.value : get().accounts,
        loadError: !accounts.ok ? accounts.error : !clouds.ok ? clouds.error : undefined,
      });
    },

    async signIn(target, method) {
      const id = ++attempt;
      const bridge = getBridge();
      set({ signingIn: true, error: undefined, consent: undefined });
      const call: Promise<Result<ResultOf<'accounts.signIn'>>> =
        target.kind === 'tenant'
          ? bridge.accounts.signInTenant({ accountId: target.accountId, tenantId: target.tenantId, method })
          : bridge.accounts.signIn({
              cloudId: target.cloudId,
              method,
              ...(target.loginHint ? { loginHint: target.loginHint } : {}),
            });
      running = { id, target, done: call };
      const result = await call;
      if (running?.id !== id) return result.ok;
      running = undefined;
      // Main runs one flow at a time and it has ended; clear it even if its last event was lost with the connection.
      if (result.ok) {
        const tenantId = target.kind === 'tenant' ? target.tenantId : undefined;
        const completed: CompletedSignIn = {
          accountId: result.value.id,
          ...(tenantId === undefined ? {} : { tenantId }),
          announcement: signInAnnouncement(result.value, tenantId),
          seq: id,
        };
        set((state) => ({ signingIn: false, flow: null, completed, accounts: upsert(state.accounts, result.value) }));
      }
      // A user's cancel is quiet; a consent failure is shown by its own bar, with what to do.
      else if (result.error.code === 'cancelled' || get().consent) set({ signingIn: false, flow: null });
      else set({ signingIn: false, flow: null, error: { action: signInFailed, error: result.error } });
      return result.ok;
    },

    async tryAnotherWay() {
      const current = running;
      if (!current) return;
      running = undefined;
      await getBridge().accounts.cancelSignIn();
      await current.done;
      await get().signIn(current.target, 'device_code');
    },

    async cancelSignIn() {
      const result = await getBridge().accounts.cancelSignIn();
      if (!result.ok) set({ error: { action: 'Could not cancel the sign-in', error: result.error } });
    },

    async reopenSignInPage() {
      await track('reopen', 'Could not open the sign-in page again', () => getBridge().accounts.reopenSignInPage());
    },

    signInLink() {
      return getBridge().accounts.getSignInLink();
    },

    async addServicePrincipal(args) {
      const result = await getBridge().accounts.addServicePrincipal(args);
      if (result.ok) set((state) => ({ accounts: upsert(state.accounts, result.value) }));
      return result;
    },

    async setTenantHidden(accountId, tenantId, hidden) {
      const result = await track(
        `hide:${accountId}:${tenantId}`,
        hidden ? 'Could not hide the tenant' : 'Could not show the tenant',
        () => getBridge().accounts.setTenantHidden({ accountId, tenantId, hidden }),
      );
      if (result.ok) set((state) => ({ accounts: upsert(state.accounts, result.value) }));
    },

    async refresh(accountId) {
      const result = await track(accountId ? `refresh:${accountId}` : 'refresh', 'Could not refresh the accounts', () =>
        getBridge().accounts.refresh(accountId),
      );
      if (result.ok) set({ accounts: result.value });
    },

    async signOut(accountId) {
      const result = await track(`signOut:${accountId}`, 'Could not sign out', () =>
        getBridge().accounts.signOut(accountId),
      );
      if (result.ok) set((state) => ({ accounts: state.accounts.filter((account) => account.id !== accountId) }));
      return result.ok;
    },

    async signOutAll() {
      const result = await track('signOutAll', 'Could not sign out of all accounts', () =>
        getBridge().accounts.signOutAll(),
      );
      if (result.ok) set({ accounts: [] });
      return result.ok;
    },

    async resetSignInData() {
      // Accounts stay listed and ask for a new sign-in; the `accounts` event brings their new state.
      const result = await track('reset', 'Could not reset the sign-in data', () =>
        getBridge().accounts.resetSignInData(),
      );
      return result.ok;
    },

    dismissError() {
      set({ error: undefined });
    },

    async openAdminConsent(problem) {
      await track('adminConsent', 'Could not open the admin-consent page', () =>
        getBridge().accounts.openAdminConsent({
          cloudId: problem.cloudId,
          ...(problem.tenantId ? { tenantId: problem.tenantId } : {}),
        }),
      );
    },

    dismissConsent() {
      set({ consent: undefined });
    },
  };
});

/** Keeps the store current: accounts, clouds (their sign-in readiness follows Settings) and the sign-in flow. */
export function listenForAccounts(): () => void {
  const bridge = getBridge();
  const stops = [
    bridge.events.on('accounts', (accounts) =>
      useAccountsStore.setState({ accounts, loaded: true, loadError: undefined }),
    ),
    bridge.events.on('signIn', (flow) => {
      const consent = flow?.state === 'failed' ? flow.consent : undefined;
      if (!consent) return useAccountsStore.setState({ flow });
      // Consent stopped the sign-in: say that (with what to do) instead of the sign-in's generic failure.
      useAccountsStore.setState((state) => ({
        flow,
        consent,
        error: state.error?.action === signInFailed ? undefined : state.error,
      }));
    }),
    // A new client id in Settings makes a cloud ready to sign in; the clouds have no event of their own.
    bridge.events.on('settings', () => {
      void getBridge()
        .clouds.list()
        .then((clouds) => {
          if (clouds.ok) useAccountsStore.setState({ clouds: clouds.value });
        });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

export function usePending(key: string): boolean {
  return useAccountsStore((state) => state.pending.includes(key));
}

/** Whether a sign-in runs: asked for and not answered yet, or reported by main as not finished. */
export function useSignInRunning(): boolean {
  return useAccountsStore(
    (state) =>
      state.signingIn ||
      (state.flow !== null &&
        state.flow.state !== 'done' &&
        state.flow.state !== 'failed' &&
        state.flow.state !== 'cancelled'),
  );
}
