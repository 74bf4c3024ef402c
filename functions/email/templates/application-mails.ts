import { parisDateTime } from '../../../shared/dates.ts';
import type { Signatory } from '../../../shared/networks.ts';
import { statusLinkDays } from '../../domain/applications/status-link.ts';
import { applicationNextSteps } from '../../domain/public-forms/next-steps.ts';
import { composeMail, html } from './html.ts';
import {
  acknowledgementClosing,
  contactSection,
  formatMonth,
  formatSiret,
  nextStepsBlock,
  type SummarySection,
  staffNotificationBody,
  subjectLine,
} from './summary.ts';

export interface ApplicationMailModel {
  reference: string;
  receivedAt: string;
  network: Signatory;
  company: {
    name: string;
    siret: string;
    nafCode?: string | undefined;
    nafLabel?: string | undefined;
    employees: number;
    postcode: string;
    communeName: string;
    communeCode: string;
    createdYear?: number | undefined;
    website?: string | undefined;
  };
  contact: {
    firstName: string;
    lastName: string;
    role?: string | undefined;
    email: string;
    phone?: string | undefined;
  };
  project: {
    title: string;
    description: string;
    competences: { id: string; label: string }[];
    jobsToCreate?: number | undefined;
    jobsToMaintain?: number | undefined;
    desiredStart?: string | undefined;
  };
  siteUrl: string;
  /** The SME's signed link to its status page (acknowledgement only). */
  statusUrl?: string | undefined;
  /** Where staff open the application in the back office (staff notification only). */
  backOfficeUrl?: string | undefined;
  /** How the application arrived, when not through the site (staff notification). */
  recordedBy?: string | undefined;
  /** Submissions of this network held back as suspected bots and still kept (staff notification only). */
  quarantined?: number | undefined;
}

const summary = (model: ApplicationMailModel): SummarySection[] => [
  {
    title: 'L’entreprise',
    rows: [
      ['Raison sociale', model.company.name],
      ['SIRET', formatSiret(model.company.siret)],
      [
        'Code NAF',
        model.company.nafCode &&
          (model.company.nafLabel
            ? `${model.company.nafCode} — ${model.company.nafLabel}`
            : model.company.nafCode),
      ],
      ['Salariés', model.company.employees],
      ['Commune', `${model.company.postcode} ${model.company.communeName}`],
      ['Année de création', model.company.createdYear],
      ['Site internet', model.company.website],
    ],
  },
  contactSection(model.contact),
  {
    title: 'Le projet',
    rows: [
      ['Intitulé', model.project.title],
      ['Description', model.project.description],
      ['Compétences souhaitées', model.project.competences.map((c) => c.label).join('\n')],
      ['Emplois à créer', model.project.jobsToCreate],
      ['Emplois à maintenir', model.project.jobsToMaintain],
      ['Démarrage souhaité', formatMonth(model.project.desiredStart)],
    ],
  },
];

/** To the SME: their request is recorded, what happens next, and what they sent. */
export const renderApplicationAcknowledgement = (model: ApplicationMailModel) => {
  const subject = `Votre demande Alizé ${model.reference} est bien enregistrée`;
  const steps = nextStepsBlock(applicationNextSteps(model.network.name));
  const closing = acknowledgementClosing(summary(model), model.siteUrl);
  const greeting = `Bonjour ${model.contact.firstName} ${model.contact.lastName},`;
  const intro = `Nous avons bien reçu la demande d’accompagnement de ${model.company.name}, enregistrée sous la référence ${model.reference}. Elle est confiée à ${model.network.name}, le réseau Alizé de votre territoire, animé par ${model.network.operator}.`;
  const follow = model.statusUrl
    ? `Suivez l’avancement de votre demande à tout moment sur votre page de suivi (lien personnel, valable ${statusLinkDays}\u00a0jours)\u00a0: ${model.statusUrl}`
    : undefined;
  const text = [greeting, '', intro, '', steps.text, ...(follow ? ['', follow] : []), '', closing.text].join(
    '\n',
  );
  const body = html`<p>${greeting}</p>
<p>${intro}</p>
${steps.html}
${model.statusUrl ? html`<p>Suivez l’avancement de votre demande à tout moment sur <a href="${model.statusUrl}" style="color:#0b4f8a">votre page de suivi</a> (lien personnel, valable ${statusLinkDays}\u00a0jours).</p>` : ''}
${closing.html}`;
  return composeMail(subject, { html: body, text }, model.network);
};

/** To the network's staff: everything the SME sent; replying writes to the SME's contact. */
export const renderApplicationNotification = (model: ApplicationMailModel) => {
  const subject = subjectLine(
    `[${model.network.name}] Nouvelle candidature ${model.reference}\u00a0: ${model.company.name}`,
  );
  const received = parisDateTime(model.receivedAt);
  const body = staffNotificationBody({
    lead: [
      model.recordedBy
        ? `${model.recordedBy} a enregistré une demande d’accompagnement le ${received}, sous la référence ${model.reference}.`
        : `Une demande d’accompagnement est arrivée par le site le ${received}, sous la référence ${model.reference}.`,
      `Commune\u00a0: ${model.company.communeName} (code Insee ${model.company.communeCode}).`,
    ],
    sections: summary(model),
    reply: `Répondre à ce courriel écrit directement à ${model.contact.firstName} ${model.contact.lastName} (${model.contact.email}).`,
    quarantined: model.quarantined,
    handleAt: model.backOfficeUrl,
  });
  return composeMail(subject, body, model.network);
};
