// Paging for ARM list responses, made deliberately awkward the way real ARM pages can be, so clients that
// stop early are caught. Deterministic plan, for a list longer than pageSize P:
//   page 0: P items; page 1: EMPTY (value [] with a nextLink); page 2: ceil(P/2) items (a short page);
//   pages 3..: P items each; the last page has no nextLink.
// A list of at most P items is one page without nextLink. nextLink is absolute and carries `$skipToken`
// (opaque base64url of the offset and page number) plus the request's other query parameters.
// No access checks here: callers page over what the principal may see.

interface Cursor {
  offset: number;
  page: number;
}

function pageLength(page: number, pageSize: number): number {
  if (page === 1) return 0;
  if (page === 2) return Math.ceil(pageSize / 2);
  return pageSize;
}

function decode(token: string | null): Cursor | undefined {
  if (token === null) return { offset: 0, page: 0 };
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'o' in parsed &&
      'p' in parsed &&
      typeof parsed.o === 'number' &&
      typeof parsed.p === 'number' &&
      Number.isInteger(parsed.o) &&
      Number.isInteger(parsed.p) &&
      parsed.o >= 0 &&
      parsed.p >= 0
    ) {
      return { offset: parsed.o, page: parsed.p };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export interface Page<T> {
  value: T[];
  nextLink?: string;
}

/** Returns undefined when the skip token is not one this emulator issued. */
export function pageOf<T>(items: T[], url: URL, baseUrl: string, pageSize: number): Page<T> | undefined {
  const cursor = decode(url.searchParams.get('$skipToken'));
  if (cursor === undefined) return undefined;
  const size = Math.max(1, pageSize);
  const length = items.length <= size && cursor.page === 0 ? size : pageLength(cursor.page, size);
  const value = items.slice(cursor.offset, cursor.offset + length);
  const nextOffset = cursor.offset + value.length;
  if (nextOffset >= items.length) return { value };
  const rest = new URLSearchParams();
  for (const [name, v] of url.searchParams) if (name !== '$skipToken') rest.append(name, v);
  const token = Buffer.from(JSON.stringify({ o: nextOffset, p: cursor.page + 1 })).toString('base64url');
  // Written by hand so the parameter reads `$skipToken` as ARM's do, not `%24skipToken`.
  const query = `${rest.toString()}${rest.size > 0 ? '&' : ''}$skipToken=${token}`;
  const next = `${new URL(url.pathname, baseUrl).toString()}?${query}`;
  return { value, nextLink: next };
}
