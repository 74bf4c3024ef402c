import * as z from 'zod/mini';
import { type HalfDayQuestionView, halfDayAnswerSchema } from '../../../shared/missions.ts';
import { answerHalfDay } from '../../domain/missions/rules.ts';
import type { MissionReadDeps } from './dependencies.ts';
import type { MissionLinks } from './mission-links.ts';
import { invalidLink } from './outcome-forms.ts';
import { located, missionParties } from './views.ts';

/**
 * « Has the half-day taken place? », from the signed link of the mail sent after it, without an
 * account. The link only opens the question: a GET changes nothing, since mail filters open the links
 * of a mail to check them; the person's click on the page sends the answer.
 */
type Deps = Pick<MissionReadDeps, 'missions' | 'directory' | 'networks'> & { links: MissionLinks };

const locateHalfDay = async (deps: Deps, token: string | undefined, now: Date) => {
  const claims = token ? await deps.links.verifyHalfDay(token, now) : undefined;
  const found = claims ? await located(deps, claims.missionId) : undefined;
  const intervention = found?.mission.interventions.find((i) => i.id === claims?.interventionId);
  const network = deps.networks.find((candidate) => candidate.id === found?.mission.network);
  if (!claims || !found || !intervention || !network) throw invalidLink();
  return { claims, found, intervention, network };
};

export const readHalfDayQuestion = async (
  deps: Deps,
  token: string | undefined,
  now: Date,
): Promise<HalfDayQuestionView> => {
  const { claims, found, intervention, network } = await locateHalfDay(deps, token, now);
  const contact = found.application.data.contact;
  const { volunteer } = await missionParties(deps, found.mission);
  const otherName =
    claims.role === 'sme'
      ? volunteer
        ? `${volunteer.firstName} ${volunteer.lastName}`
        : 'le salarié bénévole'
      : `${contact.firstName} ${contact.lastName}`;
  return {
    role: claims.role,
    networkName: network.name,
    companyName: found.application.data.company.name,
    otherName,
    date: intervention.date,
    slot: intervention.slot,
    remote: intervention.remote,
    ...(intervention.place ? { place: intervention.place } : {}),
    ...(intervention.status === 'planned' ? {} : { logged: intervention.status }),
  };
};

export const halfDayThanks = {
  held: 'Merci\u00a0! La demi-journée est notée comme réalisée.',
  'not-held':
    'Merci de nous l’avoir dit. La demi-journée est notée comme n’ayant pas eu lieu\u00a0: l’équipe du réseau reprendra contact pour en prévoir une autre.',
} as const;

/** Written on the mission's version: a concurrent change is read again and the answer applied to it. */
export const recordHalfDayAnswer = async (
  deps: Deps,
  raw: unknown,
  now: Date,
): Promise<{ message: string }> => {
  const { token, ...answer } = z.parse(halfDayAnswerSchema, raw);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { claims, found } = await locateHalfDay(deps, token, now);
    const next = answerHalfDay(found.mission, claims.interventionId, { role: claims.role, ...answer }, now);
    if (!next) return { message: halfDayThanks[answer.answer] };
    const result = await deps.missions.save(next);
    if ('saved' in result) return { message: halfDayThanks[answer.answer] };
  }
  throw new Error('The mission kept changing while a half-day was answered');
};
