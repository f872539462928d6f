// The one place that turns an error code from main into words a person can act on. Views show `title` and
// `message`; they never show a bare code.
import type { AppError, ErrorCode } from '../preload/contract';

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
  throttled: 'Wait a minute and try again.',
  internal: 'Try again. If it keeps happening, report an issue from the About page.',
};

export function describeError(error: AppError): ErrorText {
  const step = nextSteps[error.code];
  return { title: titles[error.code], message: step ? `${error.message} ${step}` : error.message };
}
