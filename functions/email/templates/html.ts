import { readableNumber } from '../../../shared/french.ts';
import { html, type SafeHtml } from '../../../shared/html.ts';
import type { Signatory } from '../../../shared/networks.ts';

// The escaping template lives in shared/html.ts, shared with the answer pages.
export { escapeHtml, html, SafeHtml } from '../../../shared/html.ts';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const tagline = 'Alizé\u00a0: de grandes entreprises au service des PME de leur territoire.';

/** Who wrote, and how to reach them: the foot of every mail, so a reader never has to look it up. */
const signature = (signatory: Signatory) => ({
  lines: [
    `${signatory.name}, animé par ${signatory.operator}`,
    ...signatory.contact.address,
    `Tél.\u00a0${readableNumber(signatory.contact.phone)} · ${signatory.contact.email}`,
  ],
  html: html`<p style="font-size:13px;color:#555;margin:0 0 8px"><strong>${signatory.name}</strong>, animé par ${signatory.operator}<br>
${signatory.contact.address.map((line) => html`${line}<br>`)}
Tél.\u00a0${readableNumber(signatory.contact.phone)} · <a href="${`mailto:${signatory.contact.email}`}" style="color:#0b4f8a">${signatory.contact.email}</a></p>`,
});

/**
 * The frame every Alizé mail shares: plain, readable in any client, French, signed by the network
 * (or the national coordination) with its public contact, in HTML and in text alike.
 */
export const composeMail = (
  subject: string,
  content: { html: SafeHtml; text: string },
  signatory: Signatory,
): RenderedMail => {
  const signed = signature(signatory);
  return {
    subject,
    html: html`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">
${content.html}
<hr style="border:none;border-top:1px solid #ccc;margin-top:32px">
${signed.html}
<p style="font-size:13px;color:#555;margin:0">${tagline}</p>
</body></html>`.value,
    text: [content.text, '', '-- ', ...signed.lines, '', tagline].join('\n'),
  };
};
