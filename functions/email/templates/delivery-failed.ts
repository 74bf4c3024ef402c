import { parisDateTime } from '../../../shared/dates.ts';
import { html, mailLayout } from './html.ts';

export interface DeliveryFailedModel {
  networkName: string;
  failedSubject: string;
  recipients: string[];
  attempts: number;
  firstQueuedAt: string;
}

/** Tells a network's staff that a mail could not be sent despite every retry, so a person takes over. */
export const renderDeliveryFailed = (model: DeliveryFailedModel) => {
  const subject = `[Alizé] Un courriel n’a pas pu être envoyé : ${model.failedSubject}`;
  const queued = parisDateTime(model.firstQueuedAt);
  const text = [
    'Bonjour,',
    '',
    `Malgré ${model.attempts} tentatives, ce courriel du réseau ${model.networkName} n’a pas pu être envoyé :`,
    '',
    `Objet : ${model.failedSubject}`,
    `Destinataires : ${model.recipients.join(', ')}`,
    `Mis en file le : ${queued}`,
    '',
    'Merci de prendre contact directement avec les destinataires.',
  ].join('\n');
  const body = html`<p>Bonjour,</p>
<p>Malgré ${model.attempts} tentatives, ce courriel du réseau ${model.networkName} n’a pas pu être envoyé :</p>
<ul>
<li>Objet : ${model.failedSubject}</li>
<li>Destinataires : ${model.recipients.join(', ')}</li>
<li>Mis en file le : ${queued}</li>
</ul>
<p>Merci de prendre contact directement avec les destinataires.</p>`;
  return { subject, html: mailLayout(subject, body), text };
};
