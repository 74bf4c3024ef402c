import { frenchDay } from '../../../shared/dates.ts';
import { ofName } from '../../../shared/french.ts';
import { frenchSpacing } from '../../../shared/french-spacing.ts';
import type { Signatory } from '../../../shared/networks.ts';
import { composeMail, html, type RenderedMail } from './html.ts';
import { halfDayLine, type PlannedHalfDay } from './mission-mails.ts';
import { subjectLine } from './summary.ts';

/**
 * The daily reminders' mails: the staff's digest, the volunteer's and the SME's reminder two days
 * before a half-day, and their « has it taken place? » the day after. Pure: the use case
 * gives every fact, links included (absolute, to the back office or to a signed public page).
 */

const link = (href: string, label: string) => html`<a href="${href}" style="color:#0b4f8a">${label}</a>`;
const plural = (count: number, one: string, many: string) =>
  count === 1 ? `1\u00a0${one}` : `${count}\u00a0${many}`;

export interface DigestLine {
  text: string;
  href: string;
  /** The words of the line that link to the page. */
  linkLabel: string;
}

export interface DigestSection {
  title: string;
  lines: DigestLine[];
}

export interface StaffDigestModel {
  network: Signatory;
  day: string;
  sections: DigestSection[];
}

export const renderStaffDigest = (model: StaffDigestModel): RenderedMail => {
  const count = model.sections.reduce((total, section) => total + section.lines.length, 0);
  const subject = subjectLine(
    `Le point du ${frenchDay(model.day)}\u00a0: ${plural(count, 'chose à suivre', 'choses à suivre')}`,
  );
  const opening = `Bonjour, voici ce qui attend l’équipe ${ofName(model.network.name)} ce matin. Chaque ligne mène à la page où le traiter.`;
  const text = model.sections.flatMap((section) => [
    `${section.title} (${section.lines.length})`,
    ...section.lines.map((line) => `- ${line.text}\u00a0: ${line.href}`),
    '',
  ]);
  const why = 'Ce point part chaque matin de semaine où il y a quelque chose à suivre, et seulement alors.';
  return composeMail(
    subject,
    {
      text: [opening, '', ...text, why].join('\n'),
      html: html`<p>${opening}</p>
${model.sections.map(
  (
    section,
  ) => html`<h2 style="font-size:17px;margin:24px 0 8px">${section.title} (${section.lines.length})</h2>
<ul>${section.lines.map((line) => html`<li>${line.text}\u00a0: ${link(line.href, line.linkLabel)}</li>`)}</ul>`,
)}
<p style="font-size:13px;color:#555">${why}</p>`,
    },
    model.network,
  );
};

export interface HalfDayReminderModel {
  network: Signatory;
  role: 'volunteer' | 'sme';
  recipient: { firstName: string; lastName: string };
  /** Who the recipient meets: the SME's contact for the volunteer, the volunteer for the SME. */
  other: { name: string; reach: string };
  companyName: string;
  competence: string;
  halfDay: PlannedHalfDay;
  calendarUrl: string;
}

export const renderHalfDayReminder = (model: HalfDayReminderModel): RenderedMail => {
  const subject = subjectLine(`Rappel\u00a0: demi-journée Alizé du ${frenchDay(model.halfDay.date)}`);
  const greeting = `Bonjour ${model.recipient.firstName} ${model.recipient.lastName},`;
  const what =
    model.role === 'volunteer'
      ? `Votre prochaine demi-journée de mission «\u00a0${frenchSpacing(model.competence)}\u00a0» chez ${model.companyName} a lieu ${halfDayLine(model.halfDay)}.`
      : `La prochaine demi-journée d’accompagnement «\u00a0${frenchSpacing(model.competence)}\u00a0» de ${model.companyName} a lieu ${halfDayLine(model.halfDay)}.`;
  const who = `Vous y retrouvez ${model.other.name} (${model.other.reach}).`;
  const change = `Un empêchement\u00a0? Prévenez ${model.other.name} et répondez à ce courriel\u00a0: l’équipe ${ofName(model.network.name)} déplacera la date.`;
  const calendar = 'Le calendrier de la mission est joint (fichier .ics), et ce lien le tient à jour';
  return composeMail(
    subject,
    {
      text: [greeting, '', what, who, '', change, '', `${calendar}\u00a0: ${model.calendarUrl}`].join('\n'),
      html: html`<p>${greeting}</p><p>${what} ${who}</p><p>${change}</p>
<p>${calendar}\u00a0: ${link(model.calendarUrl, 'ajouter la mission à mon agenda')}.</p>`,
    },
    model.network,
  );
};

export interface HalfDayConfirmationModel {
  network: Signatory;
  role: 'volunteer' | 'sme';
  recipient: { firstName: string; lastName: string };
  companyName: string;
  /** Whom the recipient met: the SME's contact for the volunteer, the volunteer for the SME. */
  otherName: string;
  halfDay: PlannedHalfDay;
  tookPlaceUrl: string;
  didNotTakePlaceUrl: string;
  linkDays: number;
}

const button = (href: string, label: string, colour: string) =>
  html`<a href="${href}" style="display:inline-block;background:${colour};color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;font-weight:bold;margin:0 8px 8px 0">${label}</a>`;

export const renderHalfDayConfirmation = (model: HalfDayConfirmationModel): RenderedMail => {
  const subject = subjectLine(
    model.role === 'volunteer'
      ? `Votre demi-journée du ${frenchDay(model.halfDay.date)} chez ${model.companyName} a-t-elle eu lieu\u00a0?`
      : `Votre demi-journée Alizé du ${frenchDay(model.halfDay.date)} a-t-elle eu lieu\u00a0?`,
  );
  const greeting = `Bonjour ${model.recipient.firstName} ${model.recipient.lastName},`;
  const planned =
    model.role === 'volunteer'
      ? `Une demi-journée de mission était prévue ${halfDayLine(model.halfDay)}, chez ${model.companyName}, avec ${model.otherName}.`
      : `Une demi-journée d’accompagnement de ${model.companyName} était prévue ${halfDayLine(model.halfDay)}, avec ${model.otherName}.`;
  const question = `${planned} Un clic suffit pour nous dire si elle a eu lieu, sans compte ni mot de passe.`;
  const done = 'La demi-journée a bien eu lieu';
  const notDone = 'Elle n’a pas eu lieu';
  const validity = `Ces liens vous sont personnels et restent valables ${model.linkDays}\u00a0jours. La première réponse notée compte, la vôtre ou celle de ${model.otherName}\u00a0; pour la corriger, répondez à ce courriel.`;
  return composeMail(
    subject,
    {
      text: [
        greeting,
        '',
        question,
        '',
        `${done}\u00a0: ${model.tookPlaceUrl}`,
        `${notDone}\u00a0: ${model.didNotTakePlaceUrl}`,
        '',
        validity,
      ].join('\n'),
      html: html`<p>${greeting}</p><p>${question}</p>
<p>${button(model.tookPlaceUrl, done, '#1d6b34')}${button(model.didNotTakePlaceUrl, notDone, '#8a3b0b')}</p>
<p style="font-size:13px;color:#555">${validity}</p>`,
    },
    model.network,
  );
};
