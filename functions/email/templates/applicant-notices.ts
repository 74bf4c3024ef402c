import type { ApplicationStatus, Orientation } from '../../../shared/application-lifecycle.ts';
import { orientationLabels } from '../../../shared/application-lifecycle.ts';
import { frenchClock, frenchDay } from '../../../shared/dates.ts';
import { ofName } from '../../../shared/french.ts';
import type { Signatory } from '../../../shared/networks.ts';
import { statusLinkDays } from '../../domain/applications/status-link.ts';
import { composeMail, html, type RenderedMail } from './html.ts';
import { multiline, subjectLine } from './summary.ts';

/**
 * What the SME is told when its application moves: a committee date is set, information is asked
 * for, the committee decided, or the application cannot be supported (and where to turn instead).
 * Each mail ends with the SME's status link.
 */
export interface ApplicantNoticeModel {
  reference: string;
  network: Signatory;
  contact: { firstName: string; lastName: string };
  companyName: string;
  projectTitle: string;
  to: ApplicationStatus;
  reason?: string | undefined;
  committee?: { date: string; time?: string | undefined; place?: string | undefined } | undefined;
  orientation?: Orientation | undefined;
  statusUrl: string;
}

/** The moves an SME hears about. */
export const noticeStatuses: readonly ApplicationStatus[] = [
  'scheduled',
  'info-requested',
  'approved',
  'rejected',
  'deferred',
  'ineligible',
];

const committeeWhen = (committee: NonNullable<ApplicantNoticeModel['committee']>) => {
  const time = committee.time ? ` à ${frenchClock(committee.time)}` : '';
  return `le ${frenchDay(committee.date)}${time}${committee.place ? ` (${committee.place})` : ''}`;
};

interface NoticeContent {
  subject: string;
  paragraphs: string[];
  /** Staff's own words, quoted as they wrote them. */
  quoted?: { label: string; text: string };
}

const contentOf = (model: ApplicantNoticeModel): NoticeContent => {
  const project = `«\u00a0${model.projectTitle}\u00a0»`;
  const team = `L’équipe ${ofName(model.network.name)}`;
  const reason = model.reason ? { label: 'Le mot de l’équipe', text: model.reason } : undefined;
  switch (model.to) {
    case 'scheduled':
      return {
        subject: `Votre projet sera présenté au comité d’agrément ${model.committee ? committeeWhen(model.committee) : ''}`,
        paragraphs: [
          `Bonne nouvelle\u00a0: votre projet ${project} sera présenté au comité d’agrément ${ofName(model.network.name)} ${model.committee ? committeeWhen(model.committee) : ''}.`,
          `Le comité réunit les entreprises partenaires du réseau. ${team} y présente votre projet\u00a0: vous n’avez rien à préparer, sauf si l’équipe vous le demande. Nous vous informerons de sa décision par courriel.`,
        ],
      };
    case 'info-requested':
      return {
        subject: 'Votre demande Alizé\u00a0: quelques informations à compléter',
        paragraphs: [
          `Pour étudier votre projet ${project}, l’équipe ${ofName(model.network.name)} a besoin de quelques informations complémentaires.`,
          'Répondez simplement à ce courriel\u00a0: votre réponse parviendra directement à l’équipe.',
        ],
        quoted: model.reason ? { label: 'Ce qui est demandé', text: model.reason } : undefined,
      };
    case 'approved':
      return {
        subject: 'Votre projet est retenu par le comité d’agrément Alizé',
        paragraphs: [
          `Le comité d’agrément ${ofName(model.network.name)} a retenu votre projet ${project}.`,
          `${team} vous contacte prochainement pour organiser les premières missions avec un salarié d’une entreprise partenaire.`,
        ],
        quoted: reason,
      };
    case 'rejected':
      return {
        subject: 'La décision du comité d’agrément Alizé sur votre projet',
        paragraphs: [
          `Le comité d’agrément ${ofName(model.network.name)} a étudié votre projet ${project} et n’a pas souhaité le retenir pour un accompagnement.`,
          `${team} reste à votre disposition pour en parler et vous orienter vers d’autres appuis\u00a0: répondez simplement à ce courriel.`,
        ],
        quoted: reason,
      };
    case 'deferred':
      return {
        subject: 'Votre projet sera présenté à un prochain comité d’agrément',
        paragraphs: [
          `Le comité d’agrément ${ofName(model.network.name)} a ajourné l’examen de votre projet ${project}\u00a0: il sera présenté à un prochain comité.`,
          `${team} vous recontacte pour préparer ce passage.`,
        ],
        quoted: reason,
      };
    case 'ineligible':
      return {
        subject: 'Votre demande Alizé\u00a0: d’autres appuis pour votre projet',
        paragraphs: [
          `${team} a étudié votre demande pour le projet ${project}\u00a0: elle ne relève pas de l’accompagnement Alizé.`,
          ...(model.orientation
            ? [
                `Pour avancer, l’équipe vous oriente vers\u00a0: ${orientationLabels[model.orientation].charAt(0).toLowerCase()}${orientationLabels[model.orientation].slice(1)}.`,
              ]
            : []),
          'Répondez à ce courriel pour en parler avec l’équipe\u00a0: elle vous aide à trouver le bon interlocuteur.',
        ],
        quoted: reason,
      };
    default:
      throw new Error(`No notice for ${model.to}`);
  }
};

export const renderApplicantNotice = (model: ApplicantNoticeModel): RenderedMail => {
  const content = contentOf(model);
  const greeting = `Bonjour ${model.contact.firstName} ${model.contact.lastName},`;
  const follow = `Votre page de suivi (lien personnel, valable ${statusLinkDays}\u00a0jours)\u00a0: ${model.statusUrl}`;
  const reference = `Référence de votre demande\u00a0: ${model.reference} (${model.companyName}).`;
  const text = [
    greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.quoted ? [`${content.quoted.label}\u00a0:`, content.quoted.text, ''] : []),
    reference,
    follow,
  ].join('\n');
  const body = html`<p>${greeting}</p>
${content.paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}
${content.quoted ? html`<p><strong>${content.quoted.label}\u00a0:</strong></p><blockquote style="border-left:3px solid #ccc;margin:0 0 16px;padding-left:12px">${multiline(content.quoted.text)}</blockquote>` : ''}
<p>${reference}<br><a href="${model.statusUrl}" style="color:#0b4f8a">Voir où en est votre demande</a> (lien personnel, valable ${statusLinkDays}\u00a0jours).</p>`;
  return composeMail(subjectLine(content.subject.replace(/ +$/, '')), { html: body, text }, model.network);
};

/** A new status link, asked for from the status page. */
export const renderStatusLink = (model: {
  reference: string;
  network: Signatory;
  contact: { firstName: string; lastName: string };
  statusUrl: string;
}): RenderedMail => {
  const subject = `Votre lien de suivi Alizé pour la demande ${model.reference}`;
  const greeting = `Bonjour ${model.contact.firstName} ${model.contact.lastName},`;
  const line = `Voici votre nouveau lien pour suivre la demande ${model.reference}. Il est personnel et reste valable ${statusLinkDays}\u00a0jours.`;
  const unasked = 'Si vous n’avez rien demandé, ignorez ce courriel\u00a0: personne d’autre ne l’a reçu.';
  return composeMail(
    subject,
    {
      text: [greeting, '', line, model.statusUrl, '', unasked].join('\n'),
      html: html`<p>${greeting}</p>
<p>${line}</p>
<p><a href="${model.statusUrl}" style="color:#0b4f8a;font-weight:bold">Voir où en est ma demande</a></p>
<p>${unasked}</p>`,
    },
    model.network,
  );
};
