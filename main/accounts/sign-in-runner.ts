// Runs one interactive sign-in at a time (browser or device code) with a timeout and a user-visible cancel, and
// reports it as `signIn` events: waiting, completing (tenant discovery), done, failed or cancelled. A failure is
// an error in words; declined consent and "needs admin approval" say what to do next and carry the tenant for the
// admin-consent link; a user's own cancel stays quiet. No Electron imports.
import type { AccountInfo } from '@azure/msal-node';
import { randomUUID } from 'node:crypto';
import type { ConsentProblem, SignInFlow } from '../../preload/contract.js';
import { consentProblemKind, deviceCodeDeclined, type AuthProblem } from '../auth/auth-errors.js';
import type { SignInPage } from '../auth/sign-in-flows.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import type { Clock, EventSink, Logger } from '../ports.js';

export const signInTimeoutMs = 5 * 60 * 1000;

export interface SignedIn {
  account: AccountInfo | null;
}

export interface InteractiveRequest {
  scopes: string[];
  authority: string;
  loginHint?: string;
  claims?: string;
}

export interface FlowControl {
  signal: AbortSignal;
  timeoutMs: number;
}

/** The two ways to sign in; MSAL's in the app (auth/sign-in-flows.ts), scripted in unit tests. */
export interface SignInMethods {
  browser(
    cloud: CloudEndpoints,
    request: InteractiveRequest,
    control: FlowControl & { onBrowserOpened(page: SignInPage): void },
  ): Promise<SignedIn>;
  deviceCode(
    cloud: CloudEndpoints,
    request: InteractiveRequest,
    control: FlowControl & { onCode(code: { userCode: string; verificationUri: string }): void },
  ): Promise<SignedIn>;
}

export interface SignInRunnerDeps {
  methods: SignInMethods;
  events: EventSink;
  clock: Clock;
  logger: Logger;
  /** What an MSAL failure means (offline is judged per cloud). */
  classify(error: unknown, cloudId: string): AuthProblem;
  timeoutMs?: number;
  /** The browser step succeeded: the user looks at the browser, so the app's window comes forward (desktop). */
  browserDone?: () => void;
}

interface RunningFlow {
  flow: SignInFlow;
  abort: AbortController;
  /** The page a browser flow waits on, once the browser has it. */
  page?: SignInPage;
}

export class SignInRunner {
  private running: RunningFlow | undefined;

  constructor(private readonly deps: SignInRunnerDeps) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  cancel(): void {
    this.running?.abort.abort();
  }

  /** Opens the page the running browser sign-in waits on again (the tab was closed, or opened behind). */
  async reopenPage(): Promise<void> {
    await this.waitingPage().reopen();
  }

  /** The address of that page, for the user to open in a browser of their choice. */
  pageUrl(): string {
    return this.waitingPage().url;
  }

  private waitingPage(): SignInPage {
    const page = this.running?.flow.state === 'waiting_for_browser' ? this.running.page : undefined;
    if (!page) throw new ServiceError('not_found', 'No sign-in is waiting for the browser now.');
    return page;
  }

  /** Runs one flow, then `complete` (tenant discovery) while the flow says "completing". */
  async run<T>(
    cloud: CloudEndpoints,
    method: SignInFlow['method'],
    target: { accountId?: string; tenantId?: string },
    request: InteractiveRequest,
    complete: (result: SignedIn) => Promise<T>,
  ): Promise<T> {
    if (this.running) {
      throw new ServiceError(
        'invalid_input',
        'Another sign-in is still waiting for you. Finish it in the browser or cancel it first.',
      );
    }
    const timeoutMs = this.deps.timeoutMs ?? signInTimeoutMs;
    const abort = new AbortController();
    this.running = {
      abort,
      flow: {
        flowId: randomUUID(),
        method,
        cloudId: cloud.id,
        ...target,
        state: method === 'browser' ? 'waiting_for_browser' : 'waiting_for_device_code',
        expiresAt: new Date(this.deps.clock.now() + timeoutMs).toISOString(),
      },
    };
    this.deps.events.emit('signIn', this.running.flow);
    try {
      const control = { signal: abort.signal, timeoutMs };
      const result =
        method === 'browser'
          ? await this.deps.methods.browser(cloud, request, {
              ...control,
              onBrowserOpened: (page) => {
                if (this.running?.abort === abort) this.running.page = page;
                this.update({ state: 'waiting_for_browser' });
              },
            })
          : await this.deps.methods.deviceCode(cloud, request, {
              ...control,
              onCode: (code) =>
                this.update({
                  state: 'waiting_for_device_code',
                  userCode: code.userCode,
                  verificationUri: code.verificationUri,
                }),
            });
      if (method === 'browser') this.deps.browserDone?.();
      this.update({ state: 'completing' });
      const value = await complete(result);
      this.finish({ state: 'done' });
      this.deps.logger.info('signed in', { method, cloud: cloud.id, tenantSignIn: target.tenantId !== undefined });
      return value;
    } catch (error) {
      const failure = this.failure(error, cloud, target.tenantId ?? tenantOf(request.authority));
      this.finish({
        state: failure.code === 'cancelled' ? 'cancelled' : 'failed',
        error: {
          code: failure.code,
          message: failure.message,
          ...(failure.detail === undefined ? {} : { detail: failure.detail }),
        },
        ...(failure.consent ? { consent: failure.consent } : {}),
      });
      throw new ServiceError(failure.code, failure.message, failure.detail);
    }
  }

  private failure(
    error: unknown,
    cloud: CloudEndpoints,
    tenantId: string | undefined,
  ): { code: ServiceError['code']; message: string; detail?: string; consent?: ConsentProblem } {
    if (error instanceof ServiceError) {
      return {
        code: error.code,
        message: error.message,
        ...(error.detail === undefined ? {} : { detail: error.detail }),
      };
    }
    const problem = this.deps.classify(error, cloud.id);
    this.deps.logger.warn('sign-in failed', { problem: problem.kind, message: problem.message });
    if (problem.kind === 'offline') {
      return {
        code: 'offline',
        message: `Signing in needs a connection to ${cloud.name}'s sign-in service. ${problem.message}`,
      };
    }
    if (deviceCodeDeclined(error)) {
      return {
        code: 'forbidden',
        message:
          'The sign-in was declined on the page where the code was entered, so you are not signed in. If that was ' +
          'a mistake, sign in again and accept; if your organisation lets only administrators approve apps, ask ' +
          'one to approve Cloud Desk.',
      };
    }
    const consent = consentProblemKind(error);
    if (consent) {
      const where = tenantId ? 'this tenant' : 'your organisation';
      return {
        code: 'forbidden',
        message:
          consent === 'declined'
            ? `You declined the permissions Cloud Desk asked for, so the sign-in stopped. To use ${where}, sign in ` +
              'again and accept them, or ask an administrator to approve Cloud Desk for everyone with the admin-consent link.'
            : `Cloud Desk needs an administrator's approval in ${where} before you can sign in. Send an administrator ` +
              'the admin-consent link (or open it yourself if you are one), then sign in again.',
        consent: { kind: consent, cloudId: cloud.id, ...(tenantId ? { tenantId } : {}) },
      };
    }
    const details = error as { errorCode?: string; message?: string } | undefined;
    if (details?.errorCode === 'access_denied' || /access_denied|user_cancelled/.test(details?.message ?? '')) {
      return { code: 'cancelled', message: 'The sign-in was cancelled in the browser.' };
    }
    return {
      code: problem.kind === 'needs_sign_in' ? 'interaction_required' : 'internal',
      message: `The sign-in did not finish: ${problem.message}`,
      ...(problem.kind === 'error' && problem.correlationId ? { detail: problem.correlationId } : {}),
    };
  }

  private update(change: Partial<SignInFlow>): void {
    if (!this.running) return;
    this.running.flow = { ...this.running.flow, ...change };
    this.deps.events.emit('signIn', this.running.flow);
  }

  private finish(change: Partial<SignInFlow>): void {
    this.update(change);
    this.running = undefined;
    this.deps.events.emit('signIn', null);
  }
}

/** The tenant an authority names, unless it is one of Entra's multi-tenant aliases. */
function tenantOf(authority: string): string | undefined {
  const segment = new URL(authority).pathname.split('/').filter(Boolean)[0];
  return segment && !['organizations', 'common', 'consumers'].includes(segment) ? segment : undefined;
}
