// Response helpers and the error type ARM handlers throw: every failure leaves as ARM's
// `{error: {code, message, details?}}` body with the status and headers real ARM sends.
// No routing or policy decisions here; handlers decide what to answer, this module only writes it.
import type { ServerResponse } from 'node:http';

export interface ArmErrorBody {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorBody[];
  innererror?: Record<string, string>;
}

/** An ARM failure as data; the router turns it into the response. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly body: ArmErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'ArmError';
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (text !== '') res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.setHeader('cache-control', 'no-cache');
  res.end(text);
}

export function sendArmError(res: ServerResponse, error: ArmError): void {
  sendJson(res, error.status, { error: error.body }, error.headers);
}

export function notFound(code: string, message: string): ArmError {
  return new ArmError(404, { code, message });
}

export function resourceNotFound(type: string, name: string, resourceGroup: string): ArmError {
  return notFound(
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ` +
      'For more details please go to https://aka.ms/ARMResourceNotFoundFix',
  );
}
