import { ofName } from '../../../shared/french.ts';
import type { Signatory } from '../../../shared/networks.ts';
import { type StatisticsView, statisticsHtml, statisticsText } from '../../../shared/statistics.ts';
import { composeMail, html, type RenderedMail } from './html.ts';

/** The month's figures of a network (or of every network), as the back-office page shows them. */
export const renderMonthlyStatistics = (
  view: StatisticsView,
  signatory: Signatory,
  pageUrl: string,
): RenderedMail => {
  const subject = view.quiet
    ? `Mois calme\u00a0: les chiffres ${ofName(view.monthLabel)}, ${view.scope.name}`
    : `Les chiffres ${ofName(view.monthLabel)}, ${view.scope.name}`;
  return composeMail(
    subject,
    {
      html: html`<h1 style="font-size:20px;margin:0 0 12px">${view.scope.name}\u00a0: ${view.monthLabel}</h1>
${statisticsHtml(view)}
<p><a href="${pageUrl}" style="color:#0b4f8a">Les mêmes chiffres dans l’espace équipe, avec le fichier CSV pour les financeurs</a></p>`,
      text: [
        `${view.scope.name}\u00a0: ${view.monthLabel}`,
        '',
        statisticsText(view),
        '',
        `Les mêmes chiffres dans l’espace équipe, avec le fichier CSV pour les financeurs\u00a0: ${pageUrl}`,
      ].join('\n'),
    },
    signatory,
  );
};
