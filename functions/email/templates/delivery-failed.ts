import { parisDateTime } from '../../../shared/dates.ts';
import type { Signatory } from '../../../shared/networks.ts';
import { composeMail, html } from './html.ts';

export interface DeliveryFailedModel {
  network: Signatory;
  failedSubject: string;
  recipients: string[];
  attempts: number;
  firstQueuedAt: string;
}

/** Tells a network's staff that a mail could not be sent despite every retry, so a person takes over. */
export const renderDeliveryFailed = (model: DeliveryFailedModel) => {
  const subject =
    `[${model.network.name}] Un courriel n’a pas pu être envoyé\u00a0: ${model.failedSubject}`.slice(0, 200);
  const queued = parisDateTime(model.firstQueuedAt);
  const lead = `Malgré ${model.attempts} tentatives, ce courriel de ${model.network.name} n’a pas pu être envoyé\u00a0:`;
  const facts = [
    `Objet\u00a0: ${model.failedSubject}`,
    `Destinataires\u00a0: ${model.recipients.join(', ')}`,
    `Mis en file d’attente le ${queued}`,
  ];
  const close = 'Merci de prendre contact directement avec les destinataires.';
  const text = ['Bonjour,', '', lead, '', ...facts, '', close].join('\n');
  const body = html`<p>Bonjour,</p>
<p>${lead}</p>
<ul>
${facts.map((fact) => html`<li>${fact}</li>`)}
</ul>
<p>${close}</p>`;
  return composeMail(subject, { html: body, text }, model.network);
};
