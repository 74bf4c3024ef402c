import type { Mission } from '../../domain/missions/mission.ts';
import type { OutgoingMail } from '../../domain/outbox/outgoing-mail.ts';
import {
  type MissionMailModel,
  renderSmeIntroduction,
  renderVolunteerMission,
} from '../../email/templates/mission-mails.ts';
import { queueAndSend } from '../outbox/deliver-outbox.ts';
import { calendarFile } from './calendars.ts';
import type { MissionsDeps } from './dependencies.ts';
import { calendarLink, type Found, from, networkOf } from './mail-parts.ts';
import type { LinkRole } from './mission-links.ts';
import { missionParties } from './views.ts';

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
  const link = (role: LinkRole) => calendarLink(deps, mission, role, now);
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
