import * as z from 'zod/mini';
import { committeeSchema, decisionsSchema } from '../../../shared/application-lifecycle.ts';
import { frenchDay, parisIsoDate } from '../../../shared/dates.ts';
import type { CommitteeSummary, CommitteeView, DecisionsResult } from '../../../shared/staff-api.ts';
import type { CommitteeRecord } from '../../db/entities/committee.ts';
import { committeeId } from '../../db/entities/committee.ts';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { type Actor, mayChange, mayRead, networksInScope } from '../../domain/staff/actor.ts';
import type { ApplicationsDeps, StaffReadDeps } from '../applications/dependencies.ts';
import { applyMove, repeats } from '../applications/move-application.ts';
import { competenceLabels, viewWithLabels } from '../applications/views.ts';

const committeeNotFound = () =>
  new NotFoundError('Ce comité n’existe pas, ou il ne relève pas de votre réseau.');

const scheduledFor = async (deps: StaffReadDeps, network: string) =>
  deps.applications.listByNetworkAndStatus(network, 'scheduled');

const summaryOf = (committee: CommitteeRecord, agendaSize: number): CommitteeSummary => ({
  id: committee.id,
  network: committee.network,
  date: committee.date,
  ...(committee.time ? { time: committee.time } : {}),
  ...(committee.place ? { place: committee.place } : {}),
  agendaSize,
  decided: committee.decisions.length,
});

/** A network plans a committee date; only its own staff can, one committee a day. */
export const scheduleCommittee = async (
  deps: StaffReadDeps,
  actor: Actor,
  raw: unknown,
  now: Date,
): Promise<CommitteeSummary> => {
  const input = z.parse(committeeSchema, raw);
  if (actor.scope.kind !== 'network') {
    throw new NotFoundError('Seule l’équipe d’un réseau programme ses comités.');
  }
  if (input.date < parisIsoDate(now)) {
    throw new InvalidInputError([{ field: 'date', message: 'Choisissez une date à venir.' }]);
  }
  const network = actor.scope.network;
  const committee: CommitteeRecord = {
    id: committeeId(network, input.date),
    network,
    date: input.date,
    ...(input.time ? { time: input.time } : {}),
    ...(input.place ? { place: input.place } : {}),
    createdAt: now.toISOString(),
    createdBy: { id: actor.id, name: actor.name },
    decisions: [],
  };
  if (!(await deps.committees.create(committee))) {
    throw new ConflictError(`Un comité est déjà prévu le ${frenchDay(input.date)}.`);
  }
  return summaryOf(committee, 0);
};

export const listCommittees = async (
  deps: StaffReadDeps,
  actor: Actor,
  rawQuery: { network?: string | undefined },
): Promise<{ committees: CommitteeSummary[] }> => {
  const inScope = networksInScope(
    actor,
    deps.networks.map((network) => network.id),
  );
  if (rawQuery.network && !inScope.includes(rawQuery.network)) throw committeeNotFound();
  const networks = rawQuery.network ? [rawQuery.network] : inScope;
  const perNetwork = await Promise.all(
    networks.map(async (network) => {
      const [committees, scheduled] = await Promise.all([
        deps.committees.listByNetwork(network),
        scheduledFor(deps, network),
      ]);
      return committees.map((committee) =>
        summaryOf(
          committee,
          scheduled.filter((application) => application.committee?.id === committee.id).length,
        ),
      );
    }),
  );
  return { committees: perNetwork.flat().sort((a, b) => a.date.localeCompare(b.date)) };
};

const readable = async (deps: StaffReadDeps, actor: Actor, id: string) => {
  const committee = await deps.committees.get(id);
  if (!committee || !mayRead(actor, committee.network)) throw committeeNotFound();
  return committee;
};

/** One committee with its agenda in full, as the printable agenda shows it. */
export const readCommittee = async (
  deps: StaffReadDeps,
  actor: Actor,
  id: string,
): Promise<CommitteeView> => {
  const committee = await readable(deps, actor, id);
  const [scheduled, labels] = await Promise.all([
    scheduledFor(deps, committee.network),
    competenceLabels(deps, committee.network),
  ]);
  const agenda = scheduled
    .filter((application) => application.committee?.id === committee.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    ...summaryOf(committee, agenda.length),
    agenda: agenda.map((application) => viewWithLabels(deps, actor, application, [], labels)),
    decisions: committee.decisions.map(({ actor: by, ...decision }) => ({
      ...decision,
      actor: { name: by.name },
    })),
  };
};

/**
 * All the decisions of one meeting at once. Each application is its own conditional write: one
 * refused (moved meanwhile, not on this agenda) does not stop the others, and the answer says which.
 */
export const recordDecisions = async (
  deps: ApplicationsDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  now: Date,
): Promise<DecisionsResult> => {
  const { decisions } = z.parse(decisionsSchema, raw);
  const committee = await readable(deps, actor, id);
  if (!mayChange(actor, committee.network)) throw committeeNotFound();
  const results: DecisionsResult['results'] = [];
  for (const decision of decisions) {
    try {
      const found = await deps.applications.get(decision.reference);
      if (found?.submission.network !== committee.network) throw committeeNotFound();
      const request = { to: decision.decision, version: decision.version, reason: decision.reason };
      // A retry of this very sheet finds the decision made: it is answered as recorded, not refused.
      const onAgenda = found.submission.committee?.id === committee.id;
      if (
        !onAgenda ||
        (found.submission.status !== 'scheduled' && !repeats(found.submission, request, actor))
      ) {
        throw new ConflictError('Cette candidature n’est pas à l’ordre du jour de ce comité.');
      }
      const moved = await applyMove(deps, actor, found, request, now);
      results.push({
        reference: decision.reference,
        outcome: 'recorded',
        status: moved.status,
        version: moved.version,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({
        reference: decision.reference,
        outcome: 'refused',
        error: error.code,
        message: error.message,
      });
    }
  }
  return { results };
};
