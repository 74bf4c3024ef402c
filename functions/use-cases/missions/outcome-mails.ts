import { absoluteUrl } from '../../domain/applications/status-link.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import { renderOutcomeRequest } from '../../email/templates/mission-mails.ts';
import { queueAndSend } from '../outbox/deliver-outbox.ts';
import type { MissionsDeps } from './dependencies.ts';
import { type Found, from, networkOf, outcomeFormPath } from './mail-parts.ts';
import { type LinkRole, type OutcomeAsk, outcomeLinkDays } from './mission-links.ts';
import { missionParties } from './views.ts';

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
