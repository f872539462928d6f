// Server-rendered sign-in pages of the emulator's Entra ID: sign-in, account picker, MFA, consent, device code,
// errors and the form_post reply. Plain accessible HTML (labels, headings, buttons); no script except the
// form_post auto-submit, which has a visible Continue button as fallback. No decisions are made here.
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const css = `
body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;color:#1b1b1b;margin:0}
main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{font-weight:600;color:#5e5e5e;margin:0 0 16px}
h1{font-size:1.5rem;font-weight:600;margin:0 0 16px}
label{display:block;margin:12px 0 4px}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px 4px;
font-size:1rem;border:0;border-bottom:1px solid #666}
button{font-size:1rem;padding:6px 20px;margin:16px 8px 0 0;border:1px solid #0067b8;background:#0067b8;color:#fff;
cursor:pointer}
button.secondary{background:#fff;color:#0067b8}
button.account{display:block;width:100%;text-align:left;background:#fff;color:#1b1b1b;border:1px solid #ccc}
:focus-visible{outline:2px solid #000;outline-offset:2px}
.error{color:#a80000;border-left:4px solid #a80000;padding-left:8px}
.hint{color:#5e5e5e;font-size:.9rem}
ul.perms{padding-left:20px}
code{font-size:1rem}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<main>
<p class="brand">Azure emulator &middot; Microsoft Entra ID (local test instance)</p>
${body}
</main>
</body>
</html>`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

function errorBlock(error: string | undefined): string {
  return error === undefined ? '' : `<p class="error" role="alert" id="form-error">${escapeHtml(error)}</p>`;
}

export interface FlowPageBase {
  action: string;
  flowId: string;
  appName: string;
}

export function signInPage(p: FlowPageBase & { loginHint: string | undefined; error?: string }): string {
  const describedBy = p.error === undefined ? '' : ' aria-describedby="form-error"';
  return layout(
    'Sign in to your account',
    `<h1>Sign in</h1>
<p>to continue to ${escapeHtml(p.appName)}</p>
${errorBlock(p.error)}
<form method="post" action="${escapeHtml(p.action)}">
${hidden('flow', p.flowId)}
<label for="login">Email or username</label>
<input type="text" inputmode="email" id="login" name="login" autocomplete="username" required value="${escapeHtml(p.loginHint ?? '')}"${describedBy}>
<label for="passwd">Password</label>
<input type="password" id="passwd" name="passwd" autocomplete="current-password" required${describedBy}>
<button type="submit" name="action" value="signin">Sign in</button>
</form>`,
  );
}

export function pickerPage(
  p: FlowPageBase & { accounts: Array<{ id: string; username: string; displayName: string }> },
): string {
  const buttons = p.accounts
    .map(
      (a) =>
        `<li><button type="submit" class="account" name="action" value="pick:${escapeHtml(a.id)}" ` +
        `aria-describedby="name-${escapeHtml(a.id)}">${escapeHtml(a.username)}</button>` +
        `<span class="hint" id="name-${escapeHtml(a.id)}">${escapeHtml(a.displayName)}, signed in</span></li>`,
    )
    .join('\n');
  return layout(
    'Pick an account',
    `<h1>Pick an account</h1>
<p>to continue to ${escapeHtml(p.appName)}</p>
<form method="post" action="${escapeHtml(p.action)}">
${hidden('flow', p.flowId)}
<ul style="list-style:none;padding:0">
${buttons}
</ul>
<button type="submit" class="secondary" name="action" value="another">Use another account</button>
</form>`,
  );
}

export function mfaPage(p: FlowPageBase & { username: string; tenantName: string; error?: string }): string {
  return layout(
    'Verify your identity',
    `<h1>Verify your identity</h1>
<p>${escapeHtml(p.tenantName)} requires multi-factor authentication for ${escapeHtml(p.username)}.</p>
${errorBlock(p.error)}
<form method="post" action="${escapeHtml(p.action)}">
${hidden('flow', p.flowId)}
<label for="otc">Verification code</label>
<input type="text" id="otc" name="otc" inputmode="numeric" autocomplete="one-time-code" required aria-describedby="otc-hint">
<p class="hint" id="otc-hint">Emulator: the code is always 123456.</p>
<button type="submit" name="action" value="mfa">Verify</button>
</form>`,
  );
}

export function consentPage(
  p: FlowPageBase & { username: string; publisherTenant: string; permissions: string[] },
): string {
  const perms = p.permissions.map((x) => `<li>${escapeHtml(x)}</li>`).join('');
  return layout(
    'Permissions requested',
    `<h1>Permissions requested</h1>
<p>${escapeHtml(p.appName)} (published by ${escapeHtml(p.publisherTenant)}) wants to, for ${escapeHtml(p.username)}:</p>
<ul class="perms">${perms}</ul>
<p>Accepting lets this app use your data as described. You can change this later.</p>
<form method="post" action="${escapeHtml(p.action)}">
${hidden('flow', p.flowId)}
<button type="submit" name="action" value="consent-accept">Accept</button>
<button type="submit" class="secondary" name="action" value="consent-cancel">Cancel</button>
</form>`,
  );
}

export function adminApprovalPage(p: FlowPageBase & { username: string; tenantName: string }): string {
  return layout(
    'Need admin approval',
    `<h1>Need admin approval</h1>
<p>${escapeHtml(p.appName)} needs permission to access resources in ${escapeHtml(p.tenantName)} that only an admin can
grant. Please ask an admin to grant permission to this app before you can use it.</p>
<p>Signed in as ${escapeHtml(p.username)}.</p>
<form method="post" action="${escapeHtml(p.action)}">
${hidden('flow', p.flowId)}
<button type="submit" class="secondary" name="action" value="admin-approval-return">Return to the application without granting consent</button>
</form>`,
  );
}

export function errorPage(p: {
  code: number;
  message: string;
  requestId: string;
  correlationId: string;
  timestamp: string;
}): string {
  return layout(
    'Sign-in error',
    `<h1>Sorry, but we're having trouble signing you in.</h1>
<p role="alert">AADSTS${p.code}: ${escapeHtml(p.message)}</p>
<h2>Troubleshooting details</h2>
<dl>
<dt>Request Id</dt><dd>${escapeHtml(p.requestId)}</dd>
<dt>Correlation Id</dt><dd>${escapeHtml(p.correlationId)}</dd>
<dt>Timestamp</dt><dd>${escapeHtml(p.timestamp)}</dd>
</dl>`,
  );
}

/** The response_mode=form_post reply: posts the fields to the app's redirect URI. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => hidden(k, v))
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Working...</title></head>
<body>
<main>
<h1>Returning to the application</h1>
<form method="post" action="${escapeHtml(redirectUri)}">
${inputs}
<noscript><p>Script is disabled. Select Continue to return to the application.</p></noscript>
<button type="submit">Continue</button>
</form>
</main>
<script>document.forms[0].submit();</script>
</body>
</html>`;
}

export function deviceCodeEntryPage(p: { action: string; error?: string }): string {
  return layout(
    'Enter code',
    `<h1>Enter code</h1>
<p>Enter the code displayed on your app or device.</p>
${errorBlock(p.error)}
<form method="post" action="${escapeHtml(p.action)}">
<label for="otc">Code</label>
<input type="text" id="otc" name="otc" autocomplete="off" required>
<button type="submit" name="action" value="code">Next</button>
</form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`);
}
