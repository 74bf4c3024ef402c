import { createHash } from 'node:crypto';
import { frenchDay, parisIsoDate } from '../../../shared/dates.ts';
import { readableNumber } from '../../../shared/french.ts';
import type { StaffDigestCadence } from '../../../shared/mail-preferences.ts';
import { halfDaySlotLabels } from '../../../shared/missions.ts';
import { mailSender, type Network } from '../../../shared/networks.ts';
import { halfDayAnswerPagePath } from '../../../shared/site.ts';
import { applicationHref, committeeHref, missionHref, staffPages } from '../../../shared/staff-pages.ts';
import type { CommitteeRepository } from '../../db/committee-repository.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { StoredSubmission } from '../../db/entities/submission.ts';
import type { ApplicationWithMissions } from '../../db/mission-repository.ts';
import type { QuarantineRepository } from '../../db/quarantine-repository.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import { absoluteUrl } from '../../domain/applications/status-link.ts';
import { addDays, type DueReason, dueOn, isRunDay, nextDueDay } from '../../domain/digests/mission-due.ts';
import {
  committeeRange,
  lateReceiptCutoff,
  missionDigestLines,
  needsPreparing,
} from '../../domain/digests/staff-digest.ts';
import { workingDaysBetween } from '../../domain/digests/working-days.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import type { OutgoingMail } from '../../domain/outbox/outgoing-mail.ts';
import {
  type DigestSection,
  renderHalfDayConfirmation,
  renderHalfDayReminder,
  renderStaffDigest,
} from '../../email/templates/reminder-mails.ts';
import { staffDigestDueOn } from '../mail-preferences/cadence.ts';
import { calendarFile } from '../missions/calendars.ts';
import type { MissionsDeps } from '../missions/dependencies.ts';
import { calendarPath, calendarUntil, from } from '../missions/mail-parts.ts';
import { halfDayLinkDays } from '../missions/mission-links.ts';
import { missionParties } from '../missions/views.ts';
import { queueAndSend } from '../outbox/deliver-outbox.ts';

/** The reminders job's reads beyond the missions': each one bounded by what is due. */
export interface RemindersDeps extends MissionsDeps {
  submissions: Pick<SubmissionRepository<ApplicationData>, 'listByNetworkAndStatus'>;
  committees: Pick<CommitteeRepository, 'listBetween'>;
  quarantine: Pick<QuarantineRepository, 'countHeld'>;
  /** How often each staff address wants its digest (the preferences page): `daily` unless chosen. */
  staffDigestCadences(addresses: readonly string[]): Promise<ReadonlyMap<string, StaffDigestCadence>>;
}

export interface RemindersReport {
  day: string;
  /** False on a Saturday or a Sunday (a run by hand): the schedule never fires then. */
  ran: boolean;
  missionsDue: number;
  /** Mails queued by this run (a re-run queues none): digests, reminders before a half-day, questions after. */
  digests: number;
  reminders: number;
  confirmations: number;
}

/**
 * An outbox id per (kind, subject, date, recipient): queued twice, a reminder goes once. The
 * recipient is named by its role, or, for staff, by a hash of the address (no address in a key).
 */
const reminderId = (kind: string, subject: string, day: string, recipient: string) =>
  `reminder:${kind}:${subject}:${day}:${recipient}`;
const addressTag = (address: string) =>
  createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 16);

/** Midnight in Paris at the start of a day, as an instant (UTC+1 or UTC+2 depending on the season). */
const parisDayStart = (day: string): Date => {
  for (const hours of [1, 2]) {
    const candidate = new Date(Date.parse(`${day}T00:00:00Z`) - hours * 3_600_000);
    if (parisIsoDate(candidate) === day && parisIsoDate(new Date(candidate.getTime() - 1)) !== day)
      return candidate;
  }
  throw new Error(`No Paris midnight found for ${day}`);
};

const slotWords = (slot: Mission['interventions'][number]['slot']) =>
  slot === 'morning' ? 'au matin' : `l’${halfDaySlotLabels.afternoon}`;

/**
 * The daily reminders job, for the Paris day of `now`: the missions due today (byDueDate), the mails
 * they owe the volunteer and the SME, and, per network, the staff's digest when it has something to
 * say. A mission's due date moves on only after everything it owed today is in the outbox: a crash in
 * between leaves it due, and the next run queues nothing twice (outbox ids) and forgets nothing.
 */
export const sendDailyReminders = async (deps: RemindersDeps, now: Date): Promise<RemindersReport> => {
  const day = parisIsoDate(now);
  const report: RemindersReport = {
    day,
    ran: false,
    missionsDue: 0,
    digests: 0,
    reminders: 0,
    confirmations: 0,
  };
  if (!isRunDay(day)) return report;
  report.ran = true;

  const listed = await deps.missions.listRemindersDue(day);
  report.missionsDue = listed.length;
  const byNetwork = new Map<string, { mission: Mission; found: ApplicationWithMissions }[]>();
  for (const entry of listed) {
    // The index is eventually consistent: act on the mission as it is now.
    const found = await deps.missions.forApplication(entry.reference);
    const mission = found?.missions.find((candidate) => candidate.number === entry.number);
    if (!found || !mission) continue;
    const group = byNetwork.get(mission.network) ?? [];
    group.push({ mission, found });
    byNetwork.set(mission.network, group);
  }

  for (const network of deps.networks) {
    const missions = byNetwork.get(network.id) ?? [];
    for (const { mission, found } of missions) {
      const sent = await sendMissionMails(deps, network, mission, found, now, day);
      report.reminders += sent.reminders;
      report.confirmations += sent.confirmations;
    }
    report.digests += await sendStaffDigest(deps, network, missions, now, day);
    for (const { mission } of missions) {
      // A lost race (someone changed the mission meanwhile): that write has set its due date already.
      await deps.missions.setReminderDue(mission, nextDueDay(mission, addDays(day, 1), day));
    }
  }
  return report;
};

const sendMissionMails = async (
  deps: RemindersDeps,
  network: Network,
  mission: Mission,
  { application }: ApplicationWithMissions,
  now: Date,
  day: string,
) => {
  const reasons = dueOn(mission, day).filter(
    (reason): reason is Extract<DueReason, { kind: 'reminder' | 'confirmation' }> =>
      reason.kind === 'reminder' || reason.kind === 'confirmation',
  );
  const sent = { reminders: 0, confirmations: 0 };
  if (reasons.length === 0) return sent;
  const parties = await missionParties(deps, mission);
  const { volunteer, competence } = parties;
  if (!volunteer) return sent;
  const contact = application.data.contact;
  const competenceLabel = competence?.label ?? mission.competenceId;
  const sender = from(deps, network);
  const mails: { id: string; mail: OutgoingMail }[] = [];
  for (const reason of reasons) {
    const { intervention } = reason;
    const subject = `${mission.id}/${intervention.id}`;
    const halfDay = {
      date: intervention.date,
      slot: intervention.slot,
      remote: intervention.remote,
      place: intervention.place,
    };
    for (const role of ['volunteer', 'sme'] as const) {
      const recipient = role === 'volunteer' ? volunteer : contact;
      const other =
        role === 'volunteer'
          ? { name: `${contact.firstName} ${contact.lastName}`, phone: contact.phone, email: contact.email }
          : {
              name: `${volunteer.firstName} ${volunteer.lastName}`,
              phone: volunteer.phone,
              email: volunteer.email,
            };
      if (reason.kind === 'confirmation') {
        const token = await deps.links.signHalfDay(
          { missionId: mission.id, role, interventionId: intervention.id },
          now,
        );
        const answerUrl = (answer: 'oui' | 'non') =>
          absoluteUrl(
            deps.siteUrl,
            `${halfDayAnswerPagePath}?t=${encodeURIComponent(token)}&reponse=${answer}`,
          );
        mails.push({
          id: reminderId('intervention-after', subject, intervention.date, role),
          mail: {
            ...renderHalfDayConfirmation({
              network,
              role,
              recipient,
              companyName: application.data.company.name,
              otherName: other.name,
              halfDay,
              tookPlaceUrl: answerUrl('oui'),
              didNotTakePlaceUrl: answerUrl('non'),
              linkDays: halfDayLinkDays,
            }),
            ...sender,
            to: [recipient.email],
            list: { kind: 'intervention-reminders' },
          },
        });
      } else {
        const token = await deps.links.signCalendar(
          { missionId: mission.id, role },
          calendarUntil(mission),
          now,
        );
        mails.push({
          id: reminderId('intervention-before', subject, intervention.date, role),
          mail: {
            ...renderHalfDayReminder({
              network,
              role,
              recipient,
              other: {
                name: other.name,
                reach: [other.email, other.phone ? `tél.\u00a0${readableNumber(other.phone)}` : undefined]
                  .filter(Boolean)
                  .join(', '),
              },
              companyName: application.data.company.name,
              competence: competenceLabel,
              halfDay,
              calendarUrl: absoluteUrl(deps.siteUrl, calendarPath(token)),
            }),
            ...sender,
            to: [recipient.email],
            attachments: [calendarFile(role, mission, application, parties, deps.mail.senderDomain, now)],
            list: { kind: 'intervention-reminders' },
          },
        });
      }
    }
  }
  const { queued } = await queueAndSend(deps.mail, network.id, mails, now);
  // Per kind, from what the outbox took: ids already there (a re-run) count for nothing.
  const queuedIds = new Set(queued);
  for (const { id } of mails) {
    if (!queuedIds.has(id)) continue;
    if (id.startsWith('reminder:intervention-before:')) sent.reminders++;
    if (id.startsWith('reminder:intervention-after:')) sent.confirmations++;
  }
  return sent;
};

const sendStaffDigest = async (
  deps: RemindersDeps,
  network: Network,
  missions: readonly { mission: Mission; found: ApplicationWithMissions }[],
  now: Date,
  day: string,
): Promise<number> => {
  // A weekly digest goes on Mondays; nobody due today, nothing to read.
  const cadences = await deps.staffDigestCadences(network.staffEmails);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  const addresses = network.staffEmails.filter((address) =>
    staffDigestDueOn(cadences.get(address) ?? 'daily', weekday),
  );
  if (addresses.length === 0) return 0;
  const url = (path: string) => absoluteUrl(deps.siteUrl, path);
  const sections: DigestSection[] = [];

  const cutoff = parisDayStart(addDays(lateReceiptCutoff(day), 1));
  const late = await deps.submissions.listByNetworkAndStatus(network.id, 'received', {
    from: '2000-01-01T00:00:00.000Z',
    to: new Date(cutoff.getTime() - 1).toISOString(),
  });
  if (late.length > 0) {
    sections.push({
      title: 'Candidatures à qualifier depuis plus de 5\u00a0jours ouvrés',
      lines: late.map((application) => {
        const receivedOn = parisIsoDate(new Date(application.createdAt));
        return {
          text: `${application.data.company.name}, reçue le ${frenchDay(receivedOn)} (${workingDaysBetween(receivedOn, day)}\u00a0jours ouvrés)`,
          href: url(applicationHref(application.reference)),
          linkLabel: application.reference,
        };
      }),
    });
  }

  const held = await deps.quarantine.countHeld(network.id, now);
  if (held > 0) {
    sections.push({
      title: 'Envois en quarantaine',
      lines: [
        {
          text:
            held === 1
              ? '1\u00a0envoi attend d’être relâché ou supprimé'
              : `${held}\u00a0envois attendent d’être relâchés ou supprimés`,
          href: url(staffPages.quarantine),
          linkLabel: 'la quarantaine',
        },
      ],
    });
  }

  const range = committeeRange(day);
  const committees = await deps.committees.listBetween(network.id, range.from, range.to);
  if (committees.length > 0) {
    const scheduled: StoredSubmission<ApplicationData>[] = await deps.submissions.listByNetworkAndStatus(
      network.id,
      'scheduled',
    );
    sections.push({
      title: 'Comités des 10\u00a0prochains jours',
      lines: committees.flatMap((committee) => {
        const toPrepare = scheduled.filter((application) => needsPreparing(application, committee.id));
        return [
          {
            text: `Comité du ${frenchDay(committee.date)}\u00a0: ${
              toPrepare.length === 0
                ? 'l’avis de l’équipe est rédigé pour chaque candidature inscrite'
                : toPrepare.length === 1
                  ? '1\u00a0candidature inscrite attend l’avis de l’équipe'
                  : `${toPrepare.length}\u00a0candidatures inscrites attendent l’avis de l’équipe`
            }`,
            href: url(committeeHref(committee.id)),
            linkLabel: 'l’ordre du jour',
          },
          ...toPrepare.map((application) => ({
            text: `À préparer pour le ${frenchDay(committee.date)}\u00a0: ${application.data.company.name}`,
            href: url(applicationHref(application.reference)),
            linkLabel: application.reference,
          })),
        ];
      }),
    });
  }

  const lines = missionDigestLines(
    missions.map(({ mission, found }) => ({ mission, companyName: found.application.data.company.name })),
    day,
  );
  const missionLine = (missionId: string, text: string) => ({
    text,
    href: url(missionHref(missionId)),
    linkLabel: missionId,
  });
  const missionSections: [string, { missionId: string; text: string }[]][] = [
    [
      'Demi-journées des 7\u00a0prochains jours',
      lines.upcoming.map((line) => ({
        missionId: line.missionId,
        text: `${line.companyName}, le ${frenchDay(line.date)} ${slotWords(line.slot)}`,
      })),
    ],
    [
      'Missions sans demi-journée réalisée depuis 60\u00a0jours',
      lines.stalled.map((line) => ({
        missionId: line.missionId,
        text: `${line.companyName}, rien de noté depuis le ${frenchDay(line.since)}`,
      })),
    ],
    [
      'Missions qui finissent dans les 30\u00a0jours avec des demi-journées non réalisées',
      lines.ending.map((line) => ({
        missionId: line.missionId,
        text: `${line.companyName}, fin le ${frenchDay(line.endDate)}, ${line.unusedHalfDays === 1 ? '1\u00a0demi-journée non réalisée' : `${line.unusedHalfDays}\u00a0demi-journées non réalisées`}`,
      })),
    ],
    [
      'Missions terminées à clôturer',
      lines.pastEnd.map((line) => ({
        missionId: line.missionId,
        text: `${line.companyName}, fin prévue le ${frenchDay(line.endDate)}`,
      })),
    ],
    [
      'Bilans demandés sans réponse depuis 14\u00a0jours',
      lines.outcomesWaiting.map((line) => ({
        missionId: line.missionId,
        text: `${line.companyName}, bilan demandé le ${frenchDay(line.askedOn)}`,
      })),
    ],
  ];
  for (const [title, entries] of missionSections) {
    if (entries.length > 0)
      sections.push({ title, lines: entries.map((entry) => missionLine(entry.missionId, entry.text)) });
  }

  if (sections.length === 0) return 0;
  const rendered = renderStaffDigest({ network, day, sections });
  const { queued } = await queueAndSend(
    deps.mail,
    network.id,
    addresses.map((address) => ({
      id: reminderId('staff-digest', network.id, day, addressTag(address)),
      mail: {
        ...rendered,
        from: mailSender(network, deps.mail.senderDomain),
        to: [address],
        list: { kind: 'staff-digest' as const },
      },
    })),
    now,
  );
  return queued.length;
};
