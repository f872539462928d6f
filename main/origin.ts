// The origin of a URL as scheme://host[:port]. Node's URL#origin is "null" for schemes it does not know
// (such as our app://), so origins are compared through this helper everywhere in main.
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}`.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
