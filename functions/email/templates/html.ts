import { html, type SafeHtml } from '../../lib/html.ts';

// The escaping template lives in functions/lib/html.ts, shared with the answer pages.
export { escapeHtml, html, SafeHtml } from '../../lib/html.ts';

/** The frame every Alizé mail shares: plain, readable in any client, French. */
export const mailLayout = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">
${body}
<hr style="border:none;border-top:1px solid #ccc;margin-top:32px">
<p style="font-size:13px;color:#555">Alizé — des grandes entreprises au service des PME de leur territoire.</p>
</body></html>`.value;
