import { frenchDay } from '../../../shared/dates.ts';
import { ofName, readableNumber } from '../../../shared/french.ts';
import { frenchSpacing } from '../../../shared/french-spacing.ts';
import { halfDayLine, type PlannedHalfDay } from '../../../shared/missions.ts';

export { halfDayLine, type PlannedHalfDay };

import type { Signatory } from '../../../shared/networks.ts';
import { composeMail, html, type RenderedMail } from './html.ts';
import { type SummarySection, subjectLine, summaryHtml, summaryText } from './summary.ts';

/**
 * The mails of a mission: when it starts, the volunteer receives the mission (the SME, its need, its
 * contact, the half-days) and the SME receives the volunteer's introduction; at closing, each is
 * asked for the outcomes through a signed form; at 12 and 24 months the SME is asked the job
 * figures again. Pure: the use case gives every fact, links included.
 */
export interface Person {
  firstName: string;
  lastName: string;
  role?: string | undefined;
  email: string;
  phone?: string | undefined;
}

export interface MissionMailModel {
  network: Signatory;
  company: { name: string; communeName: string };
  project: { title: string; description: string };
  competence: string;
  partnerName: string;
  volunteer: Person;
  smeContact: Person;
  startDate: string;
  endDate: string;
  plannedHalfDays: number;
  halfDays: readonly PlannedHalfDay[];
  /** The holder's signed calendar link (the same `.ics` is attached). */
  calendarUrl: string;
}

const fullName = (person: Person) => `${person.firstName} ${person.lastName}`;

const halfDaysCount = (count: number) => (count === 1 ? 'une demi-journée' : `${count}\u00a0demi-journées`);

const period = (model: MissionMailModel) =>
  `du ${frenchDay(model.startDate)} au ${frenchDay(model.endDate)}, ${halfDaysCount(model.plannedHalfDays)} prévue${model.plannedHalfDays > 1 ? 's' : ''} en tout`;

const reach = (person: Person) =>
  [person.email, person.phone ? `tél.\u00a0${readableNumber(person.phone)}` : undefined]
    .filter(Boolean)
    .join(', ');

const schedule = (model: MissionMailModel) => {
  const lines = model.halfDays.map(halfDayLine);
  const intro =
    lines.length === 0
      ? 'Aucune demi-journée n’est encore fixée\u00a0: vous les convenez ensemble, et l’équipe les inscrit au calendrier de la mission.'
      : 'Les demi-journées déjà fixées\u00a0:';
  const calendar =
    'Le calendrier est joint à ce courriel (fichier .ics)\u00a0; ce lien le tient à jour si une date change';
  return {
    text: [intro, ...lines.map((line) => `- ${line}`), '', `${calendar}\u00a0: ${model.calendarUrl}`].join(
      '\n',
    ),
    html: html`<p>${intro}</p>
${lines.length ? html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>` : ''}
<p>${calendar}\u00a0: <a href="${model.calendarUrl}" style="color:#0b4f8a">ajouter la mission à mon agenda</a>.</p>`,
  };
};

export const renderVolunteerMission = (model: MissionMailModel): RenderedMail => {
  const subject = subjectLine(`Votre mission Alizé auprès de ${model.company.name}`);
  const greeting = `Bonjour ${fullName(model.volunteer)},`;
  const opening = `Merci de prêter votre compétence «\u00a0${frenchSpacing(model.competence)}\u00a0» à ${model.company.name}, à ${model.company.communeName}. La convention entre ${model.partnerName} et l’entreprise est signée et votre accord est enregistré\u00a0: la mission peut commencer.`;
  const sections: SummarySection[] = [
    {
      title: 'L’entreprise et son besoin',
      rows: [
        ['Entreprise', `${model.company.name} (${model.company.communeName})`],
        ['Projet', frenchSpacing(model.project.title)],
        ['Son besoin', frenchSpacing(model.project.description)],
        ['Compétence', frenchSpacing(model.competence)],
        ['Période', period(model)],
      ],
    },
    {
      title: 'Votre contact dans l’entreprise',
      rows: [
        ['Nom', fullName(model.smeContact)],
        ['Fonction', model.smeContact.role],
        ['Pour le joindre', reach(model.smeContact)],
      ],
    },
  ];
  const plan = schedule(model);
  const team = `L’équipe ${ofName(model.network.name)} reste votre interlocutrice pendant toute la mission\u00a0: répondez simplement à ce courriel.`;
  return composeMail(
    subject,
    {
      text: [greeting, '', opening, '', summaryText(sections), '', plan.text, '', team].join('\n'),
      html: html`<p>${greeting}</p><p>${opening}</p>${summaryHtml(sections)}${plan.html}<p>${team}</p>`,
    },
    model.network,
  );
};

export const renderSmeIntroduction = (model: MissionMailModel): RenderedMail => {
  const volunteer = fullName(model.volunteer);
  const subject = subjectLine(`${volunteer}, de ${model.partnerName}, vous accompagne avec Alizé`);
  const greeting = `Bonjour ${fullName(model.smeContact)},`;
  const opening = `Nous avons le plaisir de vous présenter ${volunteer}${model.volunteer.role ? `, ${model.volunteer.role}` : ''} chez ${model.partnerName}, qui vous apporte sa compétence «\u00a0${frenchSpacing(model.competence)}\u00a0» pour votre projet «\u00a0${frenchSpacing(model.project.title)}\u00a0».`;
  const sections: SummarySection[] = [
    {
      title: 'Qui vous accompagne',
      rows: [
        ['Nom', volunteer],
        ['Fonction', model.volunteer.role],
        ['Entreprise', model.partnerName],
        ['Pour le joindre', reach(model.volunteer)],
      ],
    },
    { title: 'La mission', rows: [['Période', period(model)]] },
  ];
  const plan = schedule(model);
  const free = `L’accompagnement est gratuit pour votre entreprise. L’équipe ${ofName(model.network.name)} reste à votre écoute\u00a0: répondez simplement à ce courriel.`;
  return composeMail(
    subject,
    {
      text: [greeting, '', opening, '', summaryText(sections), '', plan.text, '', free].join('\n'),
      html: html`<p>${greeting}</p><p>${opening}</p>${summaryHtml(sections)}${plan.html}<p>${free}</p>`,
    },
    model.network,
  );
};

export interface OutcomeRequestModel {
  network: Signatory;
  /** Who is asked: the SME's contact or the volunteer. */
  role: 'sme' | 'volunteer';
  ask: 'closing' | 'follow-up-12' | 'follow-up-24';
  recipient: { firstName: string; lastName: string };
  companyName: string;
  competence: string;
  formUrl: string;
  linkDays: number;
}

export const renderOutcomeRequest = (model: OutcomeRequestModel): RenderedMail => {
  const greeting = `Bonjour ${model.recipient.firstName} ${model.recipient.lastName},`;
  const competence = `«\u00a0${frenchSpacing(model.competence)}\u00a0»`;
  const months = model.ask === 'follow-up-24' ? 24 : 12;
  const content =
    model.ask !== 'closing'
      ? {
          subject: `${months}\u00a0mois après votre mission Alizé\u00a0: où en sont vos emplois\u00a0?`,
          paragraphs: [
            `Il y a ${months}\u00a0mois se terminait la mission ${competence} menée avec ${model.companyName}.`,
            'Deux chiffres nous aident à montrer ce que l’accompagnement a permis dans la durée\u00a0: les emplois créés et les emplois maintenus depuis. Répondre prend une minute, sans compte ni mot de passe.',
          ],
          button: 'Donner les deux chiffres',
        }
      : model.role === 'sme'
        ? {
            subject: 'Votre mission Alizé est terminée\u00a0: votre bilan en une minute',
            paragraphs: [
              `La mission ${competence} de ${model.companyName} est terminée. Merci de nous dire ce qu’elle a permis\u00a0: les emplois créés, les emplois maintenus (ils comptent autant), et votre satisfaction.`,
              'Répondre prend une minute, sans compte ni mot de passe.',
            ],
            button: 'Donner mon bilan',
          }
        : {
            subject: 'Votre mission Alizé est terminée\u00a0: votre avis en une minute',
            paragraphs: [
              `Merci d’avoir mené la mission ${competence} auprès de ${model.companyName}. Dites-nous comment elle s’est passée pour vous\u00a0: votre satisfaction et, si vous le souhaitez, un commentaire.`,
            ],
            button: 'Donner mon avis',
          };
  const validity = `Ce lien vous est personnel et reste valable ${model.linkDays}\u00a0jours.`;
  return composeMail(
    subjectLine(content.subject),
    {
      text: [
        greeting,
        '',
        ...content.paragraphs.flatMap((p) => [p, '']),
        `${content.button}\u00a0: ${model.formUrl}`,
        validity,
      ].join('\n'),
      html: html`<p>${greeting}</p>
${content.paragraphs.map((p) => html`<p>${p}</p>`)}
<p><a href="${model.formUrl}" style="display:inline-block;background:#0b4f8a;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;font-weight:bold">${content.button}</a></p>
<p style="font-size:13px;color:#555">${validity}</p>`,
    },
    model.network,
  );
};

export interface HalfDayChangeModel {
  network: Signatory;
  recipient: { firstName: string; lastName: string };
  /** Whom the half-day is with, as the recipient knows them: the SME for the volunteer, the volunteer for the SME. */
  withWhom: string;
  /** What was planned, and where it moved (none: cancelled). */
  before: PlannedHalfDay;
  after?: PlannedHalfDay | undefined;
  /** The holder's signed calendar link (the same `.ics`, with the change, is attached). */
  calendarUrl: string;
}

/**
 * A half-day of a started mission moved or cancelled: both people hear of it, with the calendar whose
 * event keeps its UID and takes a higher SEQUENCE, so that an agenda that imported the first one
 * updates it rather than keep the old date.
 */
export const renderHalfDayChange = (model: HalfDayChangeModel): RenderedMail => {
  const moved = model.after !== undefined;
  const subject = subjectLine(
    moved
      ? `Demi-journée Alizé avec ${model.withWhom} déplacée au ${frenchDay(model.after?.date ?? '')}`
      : `Demi-journée Alizé avec ${model.withWhom} annulée`,
  );
  const greeting = `Bonjour ${model.recipient.firstName} ${model.recipient.lastName},`;
  const change = model.after
    ? `La demi-journée prévue ${halfDayLine(model.before)} avec ${model.withWhom} est déplacée\u00a0: elle aura lieu ${halfDayLine(model.after)}.`
    : `La demi-journée prévue ${halfDayLine(model.before)} avec ${model.withWhom} est annulée.`;
  const calendar =
    'Le calendrier joint (fichier .ics) met votre agenda à jour\u00a0; ce lien le tient à jour si une autre date change';
  const team = `Une question\u00a0? L’équipe ${ofName(model.network.name)} vous répond\u00a0: répondez simplement à ce courriel.`;
  return composeMail(
    subject,
    {
      text: [greeting, '', change, '', `${calendar}\u00a0: ${model.calendarUrl}`, '', team].join('\n'),
      html: html`<p>${greeting}</p><p>${change}</p>
<p>${calendar}\u00a0: <a href="${model.calendarUrl}" style="color:#0b4f8a">ouvrir le calendrier de la mission</a>.</p>
<p>${team}</p>`,
    },
    model.network,
  );
};
