// The one place that turns codes from main into words a person can act on: error codes, tenant statuses and the
// reasons a tenant needs a sign-in. Views show these words; they never show a bare code.
import {
  signInReasonText,
  type AccountProblem,
  type AppError,
  type ErrorCode,
  type SignInReason,
  type TenantSummary,
} from '../preload/contract';

export interface ErrorText {
  title: string;
  message: string;
}

const titles: Record<ErrorCode, string> = {
  offline: 'You are offline',
  interaction_required: 'Sign-in needed',
  forbidden: 'Not allowed',
  throttled: 'Azure asked us to slow down',
  not_found: 'Not found',
  invalid_input: 'That did not look right',
  encryption_unavailable: 'Secure storage is unavailable',
  cancelled: 'Cancelled',
  internal: 'Something went wrong',
};

const nextSteps: Partial<Record<ErrorCode, string>> = {
  offline: 'Check your connection; Cloud Desk retries when you are back online.',
  interaction_required: 'Sign in again from the Accounts page.',
  throttled: 'Wait a minute and try again.',
  encryption_unavailable:
    'Install or unlock a keyring (such as GNOME Keyring or KWallet) and restart Cloud Desk, or allow weaker storage in Settings.',
  internal: 'Try again. If it keeps happening, report an issue from the About page.',
};

export function describeError(error: AppError): ErrorText {
  const step = nextSteps[error.code];
  // Main's words may already say what to check ("… could not be reached. Check your connection."): not twice.
  const said = step !== undefined && error.message.includes(step.split(/[;.]/)[0] ?? step);
  return { title: titles[error.code], message: step && !said ? `${error.message} ${step}` : error.message };
}

/** Why a tenant needs an interactive sign-in, in words. */
export function describeSignInReason(reason: SignInReason): string {
  return signInReasonText[reason];
}

export type TenantBadge = {
  label: string;
  color: 'success' | 'warning' | 'danger' | 'informative' | 'subtle';
  /** Outline rather than filled: the state is remembered from an earlier run and not confirmed since. */
  unconfirmed: boolean;
};

/** The status badge of a tenant: hidden wins, because a hidden tenant is left alone whatever its state. */
export function tenantBadge(tenant: TenantSummary): TenantBadge {
  const unconfirmed = !tenant.confirmed;
  if (tenant.hidden) return { label: 'Hidden', color: 'subtle', unconfirmed: false };
  switch (tenant.status) {
    case 'ready':
      return { label: 'Ready', color: 'success', unconfirmed };
    case 'needs_sign_in':
      return { label: 'Sign-in needed', color: 'warning', unconfirmed };
    case 'error':
      return { label: 'Error', color: 'danger', unconfirmed };
    case 'disabled':
      return { label: 'Disabled', color: 'informative', unconfirmed };
  }
}

/** The sentence under a tenant's badge: the reason for a sign-in, or what went wrong. */
export function describeTenantStatus(tenant: TenantSummary): string | undefined {
  if (tenant.hidden) return 'Cloud Desk does not load subscriptions from this tenant.';
  switch (tenant.status) {
    case 'ready':
      return undefined;
    case 'needs_sign_in':
      return tenant.reason ? describeSignInReason(tenant.reason) : (tenant.message ?? describeSignInReason('other'));
    case 'error':
      return tenant.message ?? 'Cloud Desk could not reach this tenant.';
    case 'disabled':
      return tenant.message ?? 'This tenant is disabled; Cloud Desk cannot use it.';
  }
}

const accountProblemTitles: Record<AccountProblem['code'], string> = {
  offline: 'Could not reach the cloud to list this account’s tenants',
  timeout: 'Listing this account’s tenants took too long',
  throttled: 'Azure asked Cloud Desk to slow down while listing tenants',
  unavailable: 'Azure could not list this account’s tenants just now',
  bad_response: 'Azure’s list of tenants could not be read',
  forbidden: 'This account may not list its tenants',
  internal: 'The list of tenants could not be read',
};

/** The title over an account whose tenant list could not be read; main's message says the rest. */
export function accountProblemTitle(problem: AccountProblem): string {
  return accountProblemTitles[problem.code];
}
