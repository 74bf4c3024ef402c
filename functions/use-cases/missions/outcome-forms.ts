import * as z from 'zod/mini';
import {
  followUpOutcomeSchema,
  type OutcomeFormView,
  outcomeAnswerSchema,
  smeOutcomeSchema,
  volunteerOutcomeSchema,
} from '../../../shared/missions.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import { formActor, recordFollowUp, recordOutcome } from '../../domain/missions/rules.ts';
import { settleApplication } from './application-progress.ts';
import type { MissionReadDeps } from './dependencies.ts';
import type { MissionLinks } from './mission-links.ts';
import { located, missionParties } from './views.ts';

/**
 * The public side of a mission, reached only with a signed link: the outcome forms (the SME's and
 * the volunteer's at closing, the SME's at 12 and 24 months) and the calendar. What they show is
 * what the link's holder already knows: the network, the SME's name, the competence, the dates.
 */
type Deps = Pick<MissionReadDeps, 'missions' | 'applications' | 'directory' | 'networks'> & {
  links: MissionLinks;
};

export const invalidLink = () =>
  new NotFoundError(
    'Ce lien n’est plus valable ou il est incomplet. Répondez au courriel qui vous l’a envoyé\u00a0: l’équipe vous en adressera un nouveau.',
  );

const isAnswered = (mission: Mission, role: 'sme' | 'volunteer', ask: string) =>
  ask === 'closing'
    ? Boolean(mission.outcomes[role])
    : mission.outcomes.followUps.some((followUp) => `follow-up-${followUp.month}` === ask);

export const readOutcomeForm = async (
  deps: Deps,
  token: string | undefined,
  now: Date,
): Promise<OutcomeFormView> => {
  const claims = token ? await deps.links.verifyOutcome(token, now) : undefined;
  const found = claims ? await located(deps, claims.missionId) : undefined;
  const network = deps.networks.find((candidate) => candidate.id === found?.mission.network);
  if (!claims || !found || !network) throw invalidLink();
  const { competence } = await missionParties(deps, found.mission);
  return {
    kind: claims.ask === 'closing' ? 'closing' : 'follow-up',
    role: claims.role,
    ...(claims.ask === 'closing' ? {} : { month: claims.ask === 'follow-up-12' ? 12 : 24 }),
    networkName: network.name,
    companyName: found.application.data.company.name,
    competence: competence?.label ?? '',
    startDate: found.mission.startDate,
    endDate: found.mission.endDate,
    answered: isAnswered(found.mission, claims.role, claims.ask),
  };
};

export const outcomeThanks =
  'Merci\u00a0! Votre réponse est enregistrée. L’équipe du réseau la lira avec attention.';

/**
 * One answer per form: checked against what the link asks, written on the mission's version (a
 * concurrent change is read again and the answer applied to it), the SME's closing the mission and,
 * with its last mission, the application.
 */
export const answerOutcomeForm = async (
  deps: Deps,
  raw: unknown,
  now: Date,
): Promise<{ message: string }> => {
  const { token, ...answer } = z.parse(outcomeAnswerSchema, raw);
  const claims = await deps.links.verifyOutcome(token, now);
  if (!claims) throw invalidLink();
  const rule =
    claims.ask === 'closing'
      ? claims.role === 'sme'
        ? (
            (outcome) => (mission: Mission) =>
              recordOutcome(mission, { role: 'sme', outcome }, now)
          )(z.parse(smeOutcomeSchema, answer))
        : (
            (outcome) => (mission: Mission) =>
              recordOutcome(mission, { role: 'volunteer', outcome }, now)
          )(z.parse(volunteerOutcomeSchema, answer))
      : (
          (outcome) => (mission: Mission) =>
            recordFollowUp(mission, claims.ask === 'follow-up-12' ? 12 : 24, outcome, now)
        )(z.parse(followUpOutcomeSchema, answer));
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await located(deps, claims.missionId);
    if (!found) throw invalidLink();
    const result = await deps.missions.save(rule(found.mission));
    if ('saved' in result) {
      const missions = found.missions.map((m) => (m.number === result.saved.number ? result.saved : m));
      await settleApplication(deps, found.application, missions, formActor(claims.role), now);
      return { message: outcomeThanks };
    }
  }
  throw new Error('The mission kept changing while an outcome was recorded');
};
