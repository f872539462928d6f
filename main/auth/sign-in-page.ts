// The page MSAL's loopback listener shows in the browser when the sign-in finishes. Static HTML with inline
// styles only (no scripts), light and dark.
const texts = {
  success: {
    title: 'You are signed in',
    body: 'Cloud Desk has your sign-in. You can close this tab and go back to the app.',
  },
  error: {
    title: 'The sign-in did not finish',
    body: 'Nothing was changed. Go back to Cloud Desk to see what happened and to try again.',
  },
};

export function signInPage(kind: keyof typeof texts): string {
  const { title, body } = texts[kind];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cloud Desk: ${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  :root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { max-width: 28rem; padding: 2rem; border-radius: 8px; border: 1px solid #8884; }
  h1 { font-size: 1.4rem; margin: 0 0 .75rem; } .brand { color: #0f6cbd; font-weight: 600; margin-bottom: 1rem; }
</style></head><body><main><div class="brand">Cloud Desk</div><h1>${title}</h1><p>${body}</p></main></body></html>`;
}
