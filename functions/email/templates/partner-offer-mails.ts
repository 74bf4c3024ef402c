import { competenceCategories } from '../../../shared/catalogue.ts';
import { parisDateTime } from '../../../shared/dates.ts';
import { followUpWorkingDays } from '../../../shared/forms.ts';
import { ofName } from '../../lib/french.ts';
import { html, mailLayout } from './html.ts';
import {
  acknowledgementClosing,
  contactSection,
  formatSiret,
  type SummarySection,
  subjectLine,
  summaryHtml,
  summaryText,
} from './summary.ts';

export interface PartnerOfferMailModel {
  reference: string;
  receivedAt: string;
  network: { name: string; operator: string };
  company: { name: string; siret: string; postcode: string; communeName: string; communeCode: string };
  contact: {
    firstName: string;
    lastName: string;
    role?: string | undefined;
    email: string;
    phone?: string | undefined;
  };
  offer: { categories: string[]; skills: string; volunteers: number; message?: string | undefined };
  siteUrl: string;
}

const categoryLabel = (id: string) => competenceCategories.find((c) => c.id === id)?.label ?? id;

const summary = (model: PartnerOfferMailModel): SummarySection[] => [
  {
    title: 'L’entreprise',
    rows: [
      ['Raison sociale', model.company.name],
      ['SIRET', formatSiret(model.company.siret)],
      ['Commune', `${model.company.postcode} ${model.company.communeName}`],
    ],
  },
  contactSection(model.contact),
  {
    title: 'La proposition',
    rows: [
      ['Domaines', model.offer.categories.map(categoryLabel).join('\n')],
      ['Compétences proposées', model.offer.skills],
      ['Salariés volontaires', model.offer.volunteers],
      ['Message', model.offer.message],
    ],
  },
];

/** To the company's contact: the offer is recorded, the network will call. */
export const renderPartnerOfferAcknowledgement = (model: PartnerOfferMailModel) => {
  const subject = `Votre proposition de partenariat Alizé ${model.reference} est bien enregistrée`;
  const greeting = `Bonjour ${model.contact.firstName} ${model.contact.lastName},`;
  const intro = `Merci ! Nous avons bien reçu la proposition de ${model.company.name}, enregistrée sous la référence ${model.reference}. Elle est confiée à ${model.network.name}, le réseau Alizé de votre territoire, animé par ${model.network.operator}.`;
  const next = `L’équipe ${ofName(model.network.name)} vous contacte dans les ${followUpWorkingDays} jours ouvrés pour convenir avec vous des compétences à inscrire au catalogue et de la façon dont vos salariés volontaires interviendront : des missions courtes, d’environ trois jours au total, auprès des PME du territoire.`;
  const closing = acknowledgementClosing(summary(model), model.siteUrl);
  const text = [greeting, '', intro, '', next, '', closing.text].join('\n');
  const body = html`<p>${greeting}</p>
<p>${intro}</p>
<p>${next}</p>
${closing.html}`;
  return { subject, html: mailLayout(subject, body), text };
};

/** To the network's staff: the whole offer; replying writes to the company's contact. */
export const renderPartnerOfferNotification = (model: PartnerOfferMailModel) => {
  const subject = subjectLine(
    `[${model.network.name}] Nouvelle proposition de partenariat ${model.reference} : ${model.company.name}`,
  );
  const intro = `Une entreprise propose de prêter les compétences de ses salariés ; sa proposition est arrivée par le site le ${parisDateTime(model.receivedAt)}, sous la référence ${model.reference}.`;
  const reply = `Répondre à ce courriel écrit directement à ${model.contact.firstName} ${model.contact.lastName} (${model.contact.email}).`;
  const commune = `Commune : ${model.company.communeName} (code Insee ${model.company.communeCode}).`;
  const text = ['Bonjour,', '', intro, commune, '', summaryText(summary(model)), '', reply].join('\n');
  const body = html`<p>Bonjour,</p>
<p>${intro}<br>${commune}</p>
${summaryHtml(summary(model))}
<p>${reply}</p>`;
  return { subject, html: mailLayout(subject, body), text };
};
