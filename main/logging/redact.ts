// Scrubs anything that looks like a credential from log fields and messages: JWTs, bearer headers, refresh
// tokens, user:password@ in URLs and values under secret-sounding keys. Every log line goes through it; tokens never reach a log.
const secretKey = /(token|secret|password|authorization|assertion|cookie|code_verifier|client_info|^code$)/i;
const jwt = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const bearer = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** Credentials in URLs, form bodies and header lines: `code=...`, `client_secret=...`, `Authorization: ...`. */
const secretParam =
  /\b(code|client_secret|client_assertion|code_verifier|access_token|refresh_token|id_token|password|assertion)=[^&\s"']+/gi;
/** The user-info part of a URL (`http://user:password@proxy:8080`), e.g. a proxy URL with its credentials. */
const urlUserInfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>@]*(?:@[^\s/?#"'<>@]*)*@/gi;
const authorizationLine = /\b(authorization|proxy-authorization|cookie|set-cookie)(["']?\s*:\s*["']?)[^\r\n"']+/gi;

export const redacted = '[redacted]';

export function redactText(text: string): string {
  return text
    .replace(jwt, redacted)
    .replace(bearer, `$1 ${redacted}`)
    .replace(secretParam, `$1=${redacted}`)
    .replace(authorizationLine, `$1$2${redacted}`)
    .replace(urlUserInfo, `$1${redacted}@`);
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: value.stack && redactText(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, secretKey.test(key) ? redacted : redact(inner, depth + 1)]),
  );
}
