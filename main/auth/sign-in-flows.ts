// The two ways a person signs in: the system browser (MSAL's loopback listener with PKCE) and device code.
// MSAL's interactive call never times out and has no cancel; we add both by posting `error=access_denied`
// with the flow's own `state` to the loopback listener, which makes MSAL reject and close its port.
// No Electron imports: the browser is reached through the BrowserOpener port.
import type { AuthenticationResult, PublicClientApplication } from '@azure/msal-node';
import type { SignInMethods } from '../accounts/sign-in-runner.js';
import { signInOpener } from '../app/restricted-opener.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import type { BrowserOpener } from '../ports.js';
import { signInPage } from './sign-in-page.js';

type DeviceCodeRequest = Parameters<PublicClientApplication['acquireTokenByDeviceCode']>[0];
export type DeviceCodeResponse = Parameters<DeviceCodeRequest['deviceCodeCallback']>[0];

export interface FlowControl {
  signal: AbortSignal;
  timeoutMs: number;
}

export interface InteractiveOptions extends FlowControl {
  scopes: string[];
  authority: string;
  loginHint?: string;
  claims?: string;
  opener: BrowserOpener;
  /** Called once the sign-in page has been handed to the browser, with the way to open it again. */
  onBrowserOpened(page: SignInPage): void;
}

/** The authorize page a browser sign-in waits on: its address, and opening it again through the same opener. */
export interface SignInPage {
  url: string;
  reopen(): Promise<void>;
}

interface Loopback {
  redirectUri: string;
  state: string;
}

/** Tells MSAL's loopback listener that the user cancelled; MSAL then rejects and frees the port. */
export async function cancelLoopback(loopback: Loopback): Promise<void> {
  const target = new URL(loopback.redirectUri);
  // MSAL listens on 127.0.0.1 but advertises localhost, which may resolve to ::1 first.
  target.hostname = '127.0.0.1';
  await fetch(target, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      error: 'access_denied',
      error_description: 'Cancelled in Cloud Desk',
      state: loopback.state,
    }),
  }).catch(() => undefined);
}

export async function signInWithBrowser(
  pca: PublicClientApplication,
  options: InteractiveOptions,
): Promise<AuthenticationResult> {
  let loopback: Loopback | undefined;
  let stopping: 'timeout' | 'cancel' | undefined;
  const stop = (why: 'timeout' | 'cancel'): void => {
    stopping ??= why;
    if (loopback) void cancelLoopback(loopback);
  };
  const onAbort = (): void => stop('cancel');
  options.signal.addEventListener('abort', onAbort);
  const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
  try {
    return await pca.acquireTokenInteractive({
      scopes: options.scopes,
      authority: options.authority,
      ...(options.loginHint ? { loginHint: options.loginHint } : { prompt: 'select_account' }),
      ...(options.claims ? { claims: options.claims } : {}),
      successTemplate: signInPage('success'),
      errorTemplate: signInPage('error'),
      openBrowser: async (url) => {
        const params = new URL(url).searchParams;
        loopback = { redirectUri: params.get('redirect_uri') ?? '', state: params.get('state') ?? '' };
        if (stopping) {
          await cancelLoopback(loopback);
          return;
        }
        await options.opener.open(url);
        options.onBrowserOpened({ url, reopen: () => options.opener.open(url) });
      },
    });
  } catch (error) {
    if (stopping === 'timeout') {
      const minutes = Math.max(1, Math.round(options.timeoutMs / 60_000));
      throw new ServiceError(
        'cancelled',
        `The sign-in timed out: it was not finished in the browser within ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
    if (stopping === 'cancel') throw new ServiceError('cancelled', 'The sign-in was cancelled.');
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
  }
}

export interface DeviceCodeOptions extends FlowControl {
  scopes: string[];
  authority: string;
  claims?: string;
  onCode(response: DeviceCodeResponse): void;
}

export async function signInWithDeviceCode(
  pca: PublicClientApplication,
  options: DeviceCodeOptions,
): Promise<AuthenticationResult> {
  const request = {
    scopes: options.scopes,
    authority: options.authority,
    ...(options.claims ? { claims: options.claims } : {}),
    timeout: Math.round(options.timeoutMs / 1000),
    cancel: false,
    deviceCodeCallback: (response: DeviceCodeResponse) => options.onCode(response),
  };
  // MSAL reads `cancel` between polls of the token endpoint.
  const onAbort = (): void => {
    request.cancel = true;
  };
  options.signal.addEventListener('abort', onAbort);
  try {
    const result = await pca.acquireTokenByDeviceCode(request);
    if (!result) throw new ServiceError('cancelled', 'The sign-in was cancelled.');
    return result;
  } catch (error) {
    if (options.signal.aborted) throw new ServiceError('cancelled', 'The sign-in was cancelled.');
    throw error;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
}

/**
 * The sign-in methods on MSAL: each browser sign-in may open only its own authorization request (on its cloud's
 * authority host, for the client id it signs in with), and reopen that same page.
 */
export function msalSignInMethods(
  withClient: <T>(cloud: CloudEndpoints, work: (client: PublicClientApplication) => Promise<T>) => Promise<T>,
  opener: BrowserOpener,
  clientId: (cloud: CloudEndpoints) => string,
): SignInMethods {
  return {
    browser: (cloud, request, control) =>
      withClient(cloud, (client) =>
        signInWithBrowser(client, {
          ...request,
          ...control,
          opener: signInOpener(opener, { authorityHost: cloud.authorityHost, clientId: clientId(cloud) }),
        }),
      ),
    deviceCode: (cloud, request, control) =>
      withClient(cloud, (client) =>
        signInWithDeviceCode(client, {
          ...request,
          ...control,
          onCode: (code) => control.onCode({ userCode: code.userCode, verificationUri: code.verificationUri }),
        }),
      ),
  };
}
