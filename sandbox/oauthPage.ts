// The consent page of the sandbox's authorize step: who is signed in, which account to connect, the
// scopes the app asks for, Grant / Deny. Every value on it is escaped (client names and scopes come
// from the request); no script at all, so the CSP allows only inline styles.
import { ConsentRequest, PortalAccount, SCOPE_DESCRIPTIONS } from './oauth';

export const CONSENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] as string);
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#33475b}
h1{font-size:1.4rem}ul{padding-left:1.2rem}button{font:inherit;padding:.5rem 1.4rem;margin-right:.6rem;border-radius:3px;cursor:pointer}
#grant{background:#ff7a59;color:#fff;border:1px solid #ff7a59}#deny{background:#fff;border:1px solid #7c98b6}
.scope code{font-size:.8em;color:#7c98b6}.error{color:#b3261e}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function consentPage(request: ConsentRequest, accounts: PortalAccount[], email: string): string {
  const app = escapeHtml(request.client.name);
  const scopes = request.scopes.map((s) => `<li class="scope" data-scope="${escapeHtml(s)}">${escapeHtml(SCOPE_DESCRIPTIONS[s] ?? s)} <code>${escapeHtml(s)}</code></li>`).join('');
  const options = accounts.map((a, i) => `<option value="${a.portalId}"${i === 0 ? ' selected' : ''}>${escapeHtml(a.name)} (${a.portalId})</option>`).join('');
  const chooser = accounts.length > 0
    ? `<p><label for="account">Choose an account</label><br><select id="account" name="portal">${options}</select></p>`
    : `<p class="error">${escapeHtml(email)} is not a user of any HubSpot account here.</p>`;
  return page(`Connect ${request.client.name} to HubSpot`, `<h1>Connect <span id="app-name">${app}</span> to HubSpot</h1>
<p>Signed in as <strong id="user">${escapeHtml(email)}</strong></p>
<form method="post" action="authorize">
<input type="hidden" name="request" value="${escapeHtml(request.id)}">
${chooser}
<p>${app} is asking to:</p><ul id="scopes">${scopes}</ul>
<p><button id="grant" type="submit" name="decision" value="grant"${accounts.length === 0 ? ' disabled' : ''}>Grant</button>
<button id="deny" type="submit" name="decision" value="deny">Deny</button></p>
</form>`);
}

export function errorPage(message: string): string {
  return page('HubSpot sign-in', `<h1>Something went wrong</h1><p class="error" id="error">${escapeHtml(message)}</p>`);
}
