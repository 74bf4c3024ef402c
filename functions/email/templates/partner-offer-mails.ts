import { competenceCategories } from '../../../shared/catalogue.ts';
import { parisDateTime } from '../../../shared/dates.ts';
import type { Signatory } from '../../../shared/networks.ts';
import { partnerOfferNextSteps } from '../../domain/public-forms/next-steps.ts';
import { composeMail, html } from './html.ts';
import {
  acknowledgementClosing,
  contactSection,
  formatSiret,
  nextStepsBlock,
  type SummarySection,
  staffNotificationBody,
  subjectLine,
} from './summary.ts';

export interface PartnerOfferMailModel {
  reference: string;
  receivedAt: string;
  network: Signatory;
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
  /** Submissions of this network held back as suspected bots and still kept (staff notification only). */
  quarantined?: number | undefined;
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
  const intro = `Merci\u00a0! Nous avons bien reçu la proposition de ${model.company.name}, enregistrée sous la référence ${model.reference}. Elle est confiée à ${model.network.name}, le réseau Alizé de votre territoire, animé par ${model.network.operator}.`;
  const steps = nextStepsBlock(partnerOfferNextSteps(model.network.name));
  const closing = acknowledgementClosing(summary(model), model.siteUrl);
  const text = [greeting, '', intro, '', steps.text, '', closing.text].join('\n');
  const body = html`<p>${greeting}</p>
<p>${intro}</p>
${steps.html}
${closing.html}`;
  return composeMail(subject, { html: body, text }, model.network);
};

/** To the network's staff: the whole offer; replying writes to the company's contact. */
export const renderPartnerOfferNotification = (model: PartnerOfferMailModel) => {
  const subject = subjectLine(
    `[${model.network.name}] Nouvelle proposition de partenariat ${model.reference}\u00a0: ${model.company.name}`,
  );
  const body = staffNotificationBody({
    lead: [
      `Une entreprise propose de prêter les compétences de ses salariés\u00a0; sa proposition est arrivée par le site le ${parisDateTime(model.receivedAt)}, sous la référence ${model.reference}.`,
      `Commune\u00a0: ${model.company.communeName} (code Insee ${model.company.communeCode}).`,
    ],
    sections: summary(model),
    reply: `Répondre à ce courriel écrit directement à ${model.contact.firstName} ${model.contact.lastName} (${model.contact.email}).`,
    quarantined: model.quarantined,
  });
  return composeMail(subject, body, model.network);
};
