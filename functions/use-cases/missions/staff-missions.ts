import * as z from 'zod/mini';
import {
  type ApplicationMissions,
  interventionPlanSchema,
  type MissionView,
  missionEditSchema,
  newMissionSchema,
} from '../../../shared/missions.ts';
import type { ApplicationWithMissions } from '../../db/mission-repository.ts';
import { type Mission, missionId } from '../../domain/missions/mission.ts';
import {
  createMission,
  editMission,
  MissionRefusedError,
  planIntervention,
  StaleMissionError,
} from '../../domain/missions/rules.ts';
import { type Actor, mayChange, mayRead } from '../../domain/staff/actor.ts';
import { notFound as applicationNotFound } from '../applications/views.ts';
import { settleApplication } from './application-progress.ts';
import type { MissionReadDeps } from './dependencies.ts';
import { located, missionChoices, missionNotFound, viewOf } from './views.ts';

export const who = (actor: Actor) => ({ id: actor.id, name: actor.name });

/** The statuses of an application from which missions are made. */
const openForMissions = ['approved', 'in-progress'] as const;

export const listApplicationMissions = async (
  deps: MissionReadDeps,
  actor: Actor,
  reference: string,
): Promise<ApplicationMissions> => {
  const found = await deps.missions.forApplication(reference);
  if (!found || !mayRead(actor, found.application.network)) throw applicationNotFound();
  const { application, missions } = found;
  const creatable =
    mayChange(actor, application.network) &&
    (openForMissions as readonly string[]).includes(application.status);
  return {
    reference,
    status: application.status,
    missions: await Promise.all(
      [...missions]
        .sort((a, b) => a.number - b.number)
        .map((mission) => viewOf(deps, actor, mission, application)),
    ),
    ...(creatable ? { choices: await missionChoices(deps, application.network) } : {}),
  };
};

const refuse = (message: string): never => {
  throw new MissionRefusedError(message);
};

/**
 * A new mission from an approved (or in-progress) application of the actor's network: a competence
 * of the network's catalogue, an active partner offering it, an active volunteer of that partner who
 * has it. Numbered after the application's missions; two created at once each get their own number.
 */
export const createApplicationMission = async (
  deps: MissionReadDeps,
  actor: Actor,
  reference: string,
  raw: unknown,
  now: Date,
): Promise<MissionView> => {
  const input = z.parse(newMissionSchema, raw);
  let found = await deps.missions.forApplication(reference);
  if (!found || !mayChange(actor, found.application.network)) throw applicationNotFound();
  const { application } = found;
  if (!(openForMissions as readonly string[]).includes(application.status)) {
    refuse('Une mission se crée pour un projet retenu par le comité d’agrément.');
  }
  const network = application.network;
  const [competence, partner, volunteer] = await Promise.all([
    deps.directory.competences.get(network, input.competenceId),
    deps.directory.partners.get(network, input.partnerId),
    deps.directory.volunteers.get(network, input.volunteerId),
  ]);
  if (competence?.status !== 'active') refuse('Cette compétence n’est pas au catalogue du réseau.');
  if (partner?.status !== 'active') refuse('Cette entreprise partenaire n’est pas active dans le réseau.');
  if (!competence?.partnerIds.includes(input.partnerId)) {
    refuse(
      `${partner?.name ?? 'Cette entreprise'} n’offre pas la compétence «\u00a0${competence?.label}\u00a0».`,
    );
  }
  if (volunteer?.status !== 'active' || volunteer.partnerId !== input.partnerId) {
    refuse(`Ce salarié n’est pas un salarié actif de ${partner?.name}.`);
  }
  if (!volunteer?.competences.includes(input.competenceId)) {
    refuse(`Ce salarié n’a pas la compétence «\u00a0${competence?.label}\u00a0» dans sa fiche.`);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const number = Math.max(0, ...found.missions.map((mission) => mission.number)) + 1;
    const mission = createMission(
      { id: missionId(reference, number), reference, network, number },
      input,
      who(actor),
      now,
    );
    if (await deps.missions.create(mission)) {
      const missions = [...found.missions, mission];
      await settleApplication(deps, application, missions, who(actor), now);
      return viewOf(deps, actor, mission, application);
    }
    found = (await deps.missions.forApplication(reference)) ?? found;
  }
  throw new Error('No free mission number after five attempts');
};

export const readMission = async (deps: MissionReadDeps, actor: Actor, id: string): Promise<MissionView> => {
  const found = await located(deps, id);
  if (!found || !mayRead(actor, found.mission.network)) throw missionNotFound();
  return viewOf(deps, actor, found.mission, found.application);
};

/**
 * The one path of every change: read the mission, check the version the actor read, apply a rule,
 * write it on that version (a lost race answers 409 with the mission as it now is), then settle the
 * application and do what follows (mails). `repeats` recognises, in the mission's last line, the change
 * this request asks for: one version on and by the same actor, that is this very request retried
 * (after a lost answer or a crash), which finishes what followed and answers as the first would have.
 */
export const applyChange = async (
  deps: MissionReadDeps,
  actor: Actor,
  id: string,
  version: number,
  rule: (mission: Mission) => Mission,
  now: Date,
  after?: (saved: Mission, found: ApplicationWithMissions) => Promise<void>,
  repeats?: (last: Mission['history'][number], mission: Mission) => boolean,
): Promise<MissionView> => {
  const found = await located(deps, id);
  if (!found || !mayChange(actor, found.mission.network)) throw missionNotFound();
  const { mission, application } = found;
  if (version !== mission.version) {
    const last = mission.history.at(-1);
    if (mission.version === version + 1 && last?.actor.id === actor.id && repeats?.(last, mission)) {
      await settleApplication(deps, application, found.missions, who(actor), now);
      await after?.(mission, found);
      return viewOf(deps, actor, mission, application);
    }
    throw new StaleMissionError(await viewOf(deps, actor, mission, application));
  }
  const result = await deps.missions.save(rule(mission));
  if ('stale' in result) {
    if (!result.stale) throw missionNotFound();
    throw new StaleMissionError(await viewOf(deps, actor, result.stale, application));
  }
  const saved = result.saved;
  const missions = found.missions.map((candidate) => (candidate.number === saved.number ? saved : candidate));
  await settleApplication(deps, application, missions, who(actor), now);
  await after?.(saved, found);
  return viewOf(deps, actor, saved, application);
};

export const editApplicationMission = (
  deps: MissionReadDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  now: Date,
) => {
  const edit = z.parse(missionEditSchema, raw);
  return applyChange(
    deps,
    actor,
    id,
    edit.version,
    (mission) => editMission(mission, edit, who(actor), now),
    now,
  );
};

export const planMissionIntervention = (
  deps: MissionReadDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  now: Date,
) => {
  const plan = z.parse(interventionPlanSchema, raw);
  return applyChange(
    deps,
    actor,
    id,
    plan.version,
    (mission) => planIntervention(mission, `I${mission.interventions.length + 1}`, plan, who(actor), now),
    now,
  );
};
