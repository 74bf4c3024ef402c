import type { Mission } from '../../domain/missions/mission.ts';
import type { OutgoingMail } from '../../domain/outbox/outgoing-mail.ts';
import { renderHalfDayChange } from '../../email/templates/mission-mails.ts';
import { queueAndSend } from '../outbox/deliver-outbox.ts';
import { calendarFile } from './calendars.ts';
import type { MissionsDeps } from './dependencies.ts';
import { calendarLink, type Found, from, networkOf } from './mail-parts.ts';
import type { LinkRole } from './mission-links.ts';
import { missionParties } from './views.ts';

/**
 * A half-day of a started mission moved or cancelled: the volunteer and the SME, who received its
 * calendar when it started, each get the change with the calendar attached again. Before the start
 * nobody was told of any date, and the start mails carry the schedule as it then is. The outbox ids
 * name the mission's version: the same change retried goes once.
 */
export const sendHalfDayChangeMails = async (
  deps: MissionsDeps,
  mission: Mission,
  { application }: Found,
  interventionId: string,
  now: Date,
) => {
  if (mission.status !== 'active') return;
  const intervention = mission.interventions.find((candidate) => candidate.id === interventionId);
  const last = intervention?.history.at(-1);
  if (!intervention || !last || (last.change !== 'rescheduled' && last.change !== 'cancelled')) return;
  const parties = await missionParties(deps, mission);
  const { volunteer, partner } = parties;
  if (!volunteer) return;
  const network = networkOf(deps, mission);
  const { company, contact } = application.data;
  const before =
    last.change === 'rescheduled' && last.from
      ? { ...intervention, date: last.from.date, slot: last.from.slot }
      : intervention;
  const after = last.change === 'rescheduled' ? intervention : undefined;
  const mailTo = async (
    role: LinkRole,
    recipient: { firstName: string; lastName: string; email: string },
    withWhom: string,
  ): Promise<{ id: string; mail: OutgoingMail }> => ({
    id: `${mission.id}:v${mission.version}:${interventionId}:${role}`,
    mail: {
      ...renderHalfDayChange({
        network,
        recipient,
        withWhom,
        before,
        after,
        calendarUrl: await calendarLink(deps, mission, role, now),
      }),
      ...from(deps, network),
      to: [recipient.email],
      attachments: [calendarFile(role, mission, application, parties, deps.mail.senderDomain, now)],
    },
  });
  const volunteerName = `${volunteer.firstName} ${volunteer.lastName}${partner ? ` (${partner.name})` : ''}`;
  await queueAndSend(
    deps.mail,
    network.id,
    [await mailTo('volunteer', volunteer, company.name), await mailTo('sme', contact, volunteerName)],
    now,
  );
};
