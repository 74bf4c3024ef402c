import type { UnsubscribeLinks } from '../../domain/outbox/list-unsubscribe.ts';
import { html } from './html.ts';

/**
 * The visible way out of a list mail, beside its List-Unsubscribe header: one line at its foot, in
 * HTML and in text, that opens the preferences page from the mail's own signed link.
 */
export const withPreferencesFooter = <T extends { html: string; text: string }>(
  mail: T,
  links: UnsubscribeLinks,
): T => {
  const line =
    html`<p style="font-size:13px;color:#555;margin:16px 0 0">Vous recevez ce courriel parce qu’il fait partie des envois réguliers d’Alizé. <a href="${links.preferences}" style="color:#0b4f8a">Se désabonner ou gérer vos préférences</a></p>`
      .value;
  const closing = mail.html.lastIndexOf('</body>');
  return {
    ...mail,
    html:
      closing === -1
        ? `${mail.html}\n${line}`
        : `${mail.html.slice(0, closing)}${line}\n${mail.html.slice(closing)}`,
    text: `${mail.text}\n\nSe désabonner ou gérer vos préférences\u00a0: ${links.preferences}`,
  };
};
