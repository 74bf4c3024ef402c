/** What the missions' mails share: who sends them, where their links lead. */
import { mailSender, type Network } from '../../../shared/networks.ts';
import type { ApplicationWithMissions } from '../../db/mission-repository.ts';
import { absoluteUrl } from '../../domain/applications/status-link.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import type { MissionsDeps } from './dependencies.ts';
import type { LinkRole } from './mission-links.ts';

export type Found = Pick<ApplicationWithMissions, 'application'>;

export const calendarPath = (token: string) => `/api/missions/calendar?t=${encodeURIComponent(token)}`;
export const outcomeFormPath = (token: string) => `/bilan/?t=${encodeURIComponent(token)}`;

/** A calendar link works until two months after the mission's end. */
export const calendarUntil = (mission: Mission) =>
  new Date(Date.parse(`${mission.endDate}T23:59:59Z`) + 61 * 86_400_000);

export const networkOf = (deps: Pick<MissionsDeps, 'networks'>, mission: Mission): Network => {
  const network = deps.networks.find((candidate) => candidate.id === mission.network);
  if (!network) throw new Error('The mission’s network is not configured');
  return network;
};

export const from = (deps: MissionsDeps, network: Network) => ({
  from: mailSender(network, deps.mail.senderDomain),
  replyTo: network.staffEmails.slice(0, 5),
});

/** The holder's signed link to the mission's calendar, valid until two months after its end. */
export const calendarLink = async (deps: MissionsDeps, mission: Mission, role: LinkRole, now: Date) =>
  absoluteUrl(
    deps.siteUrl,
    calendarPath(await deps.links.signCalendar({ missionId: mission.id, role }, calendarUntil(mission), now)),
  );
