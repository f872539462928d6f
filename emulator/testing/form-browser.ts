// A tiny cookie-keeping "browser" for tests: fetches the emulator's sign-in pages over HTTPS (trusting its CA),
// fills and submits their forms, and follows the form_post reply to an app's loopback listener.
// Test code only; it understands just the plain HTML the emulator renders.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface Page {
  url: string;
  status: number;
  html: string;
  /** Visible text with tags stripped, whitespace collapsed. */
  text: string;
  heading: string;
}

interface FormField {
  name: string;
  value: string;
}

interface ParsedForm {
  action: string;
  fields: FormField[];
  buttons: Array<{ name: string | undefined; value: string | undefined; label: string }>;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&middot;/g, '·')
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m?.[1] === undefined ? undefined : decode(m[1]);
}

function parseForm(html: string): ParsedForm | undefined {
  const formMatch = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!formMatch) return undefined;
  const [, formAttrs = '', inner = ''] = formMatch;
  const fields = [...inner.matchAll(/<input\b[^>]*>/gi)].flatMap((m) => {
    const name = attr(m[0], 'name');
    return name === undefined ? [] : [{ name, value: attr(m[0], 'value') ?? '' }];
  });
  const buttons = [...inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].map((m) => ({
    name: attr(m[1] ?? '', 'name'),
    value: attr(m[1] ?? '', 'value'),
    label: decode((m[2] ?? '').replace(/<[^>]+>/g, '').trim()),
  }));
  return { action: attr(formAttrs, 'action') ?? '', fields, buttons };
}

export class FormBrowser {
  private jar = new Map<string, string>();

  constructor(private readonly caPem: string) {}

  private send(method: 'GET' | 'POST', url: string, form?: URLSearchParams): Promise<Page> {
    const target = new URL(url);
    const body = form === undefined ? undefined : Buffer.from(form.toString());
    const headers: Record<string, string> = {};
    if (body) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(body.length);
    }
    if (this.jar.size > 0 && target.protocol === 'https:') {
      headers['cookie'] = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        target,
        { method, headers, ...(target.protocol === 'https:' ? { ca: this.caPem } : {}) },
        (res) => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair] = c.split(';');
            const eq = pair?.indexOf('=') ?? -1;
            if (pair && eq > 0) this.jar.set(pair.slice(0, eq), pair.slice(eq + 1));
          }
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const html = Buffer.concat(chunks).toString('utf8');
            const location = res.headers.location;
            if (
              res.statusCode !== undefined &&
              res.statusCode >= 300 &&
              res.statusCode < 400 &&
              location !== undefined
            ) {
              resolve(this.send('GET', new URL(location, target).toString()));
              return;
            }
            const text = decode(
              html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, '').replace(/<[^>]+>/g, ' '),
            )
              .replace(/\s+/g, ' ')
              .trim();
            const heading = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] ?? '').trim();
            resolve({ url: target.toString(), status: res.statusCode ?? 0, html, text, heading });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  get(url: string): Promise<Page> {
    return this.send('GET', url);
  }

  /** Fills the page's form and presses the button with this visible label. */
  submit(page: Page, button: string, values: Record<string, string> = {}): Promise<Page> {
    const form = parseForm(page.html);
    if (!form) throw new Error(`No form on page "${page.heading}": ${page.text.slice(0, 300)}`);
    const pressed = form.buttons.find((b) => b.label === button);
    if (!pressed) {
      throw new Error(
        `No button "${button}" on page "${page.heading}" (has: ${form.buttons.map((b) => b.label).join(', ')})`,
      );
    }
    const data = new URLSearchParams();
    for (const f of form.fields) data.set(f.name, values[f.name] ?? f.value);
    for (const [k, v] of Object.entries(values)) if (!data.has(k)) data.set(k, v);
    if (pressed.name !== undefined) data.set(pressed.name, pressed.value ?? '');
    return this.send('POST', new URL(form.action, page.url).toString(), data);
  }
}
