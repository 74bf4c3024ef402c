import { parisDateTime } from '../../../shared/dates.ts';
import { followUpWorkingDays } from '../../../shared/forms.ts';
import type { Signatory } from '../../../shared/networks.ts';
import { composeMail, html } from './html.ts';
import {
  privacyNotice,
  type SummarySection,
  staffNotificationBody,
  subjectLine,
  summaryHtml,
  summaryText,
} from './summary.ts';

export interface ContactMessageMailModel {
  reference: string;
  receivedAt: string;
  /** Who answers: the network of the message, or the national coordination (`national: true`). */
  answeredBy: Signatory & { national: boolean };
  message: {
    name: string;
    email: string;
    phone?: string | undefined;
    organisation?: string | undefined;
    postcode?: string | undefined;
    subject: string;
    message: string;
  };
  siteUrl: string;
  /** Submissions held back as suspected bots and still kept (staff notification only). */
  quarantined?: number | undefined;
}

const recipientName = ({ answeredBy }: ContactMessageMailModel) =>
  answeredBy.national ? 'la coordination nationale d’Alizé' : `${answeredBy.name} (${answeredBy.operator})`;

const summary = (model: ContactMessageMailModel, title: string): SummarySection[] => [
  {
    title,
    rows: [
      ['Nom', model.message.name],
      ['Structure', model.message.organisation],
      ['Courriel', model.message.email],
      ['Téléphone', model.message.phone],
      ['Code postal', model.message.postcode],
      ['Objet', model.message.subject],
      ['Message', model.message.message],
    ],
  },
];

/** To the person who wrote: the message is received, who will answer and when. */
export const renderContactAcknowledgement = (model: ContactMessageMailModel) => {
  const subject = `Votre message à Alizé ${model.reference} est bien reçu`;
  const greeting = `Bonjour ${model.message.name},`;
  const intro = `Nous avons bien reçu votre message, enregistré sous la référence ${model.reference}. Il est transmis à ${recipientName(model)}, qui vous répondra dans les ${followUpWorkingDays} jours ouvrés.`;
  const privacy = privacyNotice(model.siteUrl);
  const text = [greeting, '', intro, '', summaryText(summary(model, 'Votre message')), '', privacy.text].join(
    '\n',
  );
  const body = html`<p>${greeting}</p>
<p>${intro}</p>
${summaryHtml(summary(model, 'Votre message'))}
${privacy.html}`;
  return composeMail(subject, { html: body, text }, model.answeredBy);
};

/** To the network's staff, or the national coordination's: the message; replying writes to its author. */
export const renderContactNotification = (model: ContactMessageMailModel) => {
  const subject = subjectLine(
    `[${model.answeredBy.name}] Message ${model.reference}\u00a0: ${model.message.subject}`,
  );
  const body = staffNotificationBody({
    lead: [
      `Un message est arrivé par le formulaire de contact du site le ${parisDateTime(model.receivedAt)}, sous la référence ${model.reference}.`,
    ],
    sections: summary(model, 'Le message'),
    reply: `Répondre à ce courriel écrit directement à ${model.message.name} (${model.message.email}).`,
    quarantined: model.quarantined,
  });
  return composeMail(subject, body, model.answeredBy);
};
