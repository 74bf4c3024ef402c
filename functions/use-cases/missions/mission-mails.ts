import { mailSender, type Network } from '../../../shared/networks.ts';
import type { ApplicationWithMissions } from '../../db/mission-repository.ts';
import { absoluteUrl } from '../../domain/applications/status-link.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import type { OutgoingMail } from '../../domain/outbox/outgoing-mail.ts';
import {
  type MissionMailModel,
  renderOutcomeRequest,
  renderSmeIntroduction,
  renderVolunteerMission,
} from '../../email/templates/mission-mails.ts';
import { queueAndSend } from '../public-forms/send-submission-mails.ts';
import { calendarFile } from './calendars.ts';
import type { MissionsDeps } from './dependencies.ts';
import { type LinkRole, type OutcomeAsk, outcomeLinkDays } from './mission-links.ts';
import { missionParties } from './views.ts';

type Found = Pick<ApplicationWithMissions, 'application'>;

export const calendarPath = (token: string) => `/api/missions/calendar?t=${encodeURIComponent(token)}`;
export const outcomeFormPath = (token: string) => `/bilan/?t=${encodeURIComponent(token)}`;

/** A calendar link works until two months after the mission's end. */
const calendarUntil = (mission: Mission) =>
  new Date(Date.parse(`${mission.endDate}T23:59:59Z`) + 61 * 86_400_000);

const networkOf = (deps: Pick<MissionsDeps, 'networks'>, mission: Mission): Network => {
  const network = deps.networks.find((candidate) => candidate.id === mission.network);
  if (!network) throw new Error('The mission’s network is not configured');
  return network;
};

const from = (deps: MissionsDeps, network: Network) => ({
  from: mailSender(network, deps.mail.senderDomain),
  replyTo: network.staffEmails.slice(0, 5),
});

/**
 * When a mission starts: the volunteer receives the mission and the SME the volunteer's
 * introduction, each with the calendar attached and a signed link that keeps it up to date. The
 * outbox ids name the mission: queued twice (a retry), they go once.
 */
export const sendStartMails = async (
  deps: MissionsDeps,
  mission: Mission,
  { application }: Found,
  now: Date,
) => {
  const parties = await missionParties(deps, mission);
  const { volunteer, partner, competence } = parties;
  if (!volunteer) return;
  const network = networkOf(deps, mission);
  const { company, contact, project } = application.data;
  const link = async (role: LinkRole) =>
    absoluteUrl(
      deps.siteUrl,
      calendarPath(
        await deps.links.signCalendar({ missionId: mission.id, role }, calendarUntil(mission), now),
      ),
    );
  const model = (calendarUrl: string): MissionMailModel => ({
    network,
    company: { name: company.name, communeName: company.communeName },
    project: { title: project.title, description: project.description },
    competence: competence?.label ?? mission.competenceId,
    partnerName: partner?.name ?? mission.partnerId,
    volunteer,
    smeContact: contact,
    startDate: mission.startDate,
    endDate: mission.endDate,
    plannedHalfDays: mission.plannedHalfDays,
    halfDays: mission.interventions.filter((i) => i.status === 'planned'),
    calendarUrl,
  });
  const attachment = (role: LinkRole) => [
    calendarFile(role, mission, application, parties, deps.mail.senderDomain, now),
  ];
  const mails: { id: string; mail: OutgoingMail }[] = [
    {
      id: `${mission.id}:started:volunteer`,
      mail: {
        ...renderVolunteerMission(model(await link('volunteer'))),
        ...from(deps, network),
        to: [volunteer.email],
        attachments: attachment('volunteer'),
      },
    },
    {
      id: `${mission.id}:started:sme`,
      mail: {
        ...renderSmeIntroduction(model(await link('sme'))),
        ...from(deps, network),
        to: [contact.email],
        attachments: attachment('sme'),
      },
    },
  ];
  await queueAndSend(deps.mail, network.id, mails, now);
};

/** A signed outcome form, mailed to the SME's contact or to the volunteer, once per mission and ask. */
const outcomeMail = async (
  deps: MissionsDeps,
  mission: Mission,
  { application }: Found,
  role: LinkRole,
  ask: OutcomeAsk,
  now: Date,
) => {
  const { volunteer, competence } = await missionParties(deps, mission);
  const recipient = role === 'sme' ? application.data.contact : volunteer;
  if (!recipient) return undefined;
  const network = networkOf(deps, mission);
  const token = await deps.links.signOutcome({ missionId: mission.id, role, ask }, now);
  return {
    id: `${mission.id}:outcome:${ask}:${role}`,
    mail: {
      ...renderOutcomeRequest({
        network,
        role,
        ask,
        recipient,
        companyName: application.data.company.name,
        competence: competence?.label ?? mission.competenceId,
        formUrl: absoluteUrl(deps.siteUrl, outcomeFormPath(token)),
        linkDays: outcomeLinkDays,
      }),
      ...from(deps, network),
      to: [recipient.email],
    },
  };
};

/** Closing asked by mail: the SME and the volunteer each get their form. */
export const askOutcomes = async (deps: MissionsDeps, mission: Mission, found: Found, now: Date) => {
  const mails = await Promise.all(
    (['sme', 'volunteer'] as const).map((role) => outcomeMail(deps, mission, found, role, 'closing', now)),
  );
  await queueAndSend(
    deps.mail,
    mission.network,
    mails.filter((mail) => mail !== undefined),
    now,
  );
};

/** The 12- or 24-month follow-up to the SME, queued then sent (the outbox job retries a failure). */
export const queueFollowUp = async (
  deps: MissionsDeps,
  mission: Mission,
  found: Found,
  month: 12 | 24,
  now: Date,
) => {
  const mail = await outcomeMail(deps, mission, found, 'sme', `follow-up-${month}`, now);
  if (mail) await queueAndSend(deps.mail, mission.network, [mail], now);
};
