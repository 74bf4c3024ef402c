import * as z from 'zod/mini';
import { missionStatuses } from '../../../shared/missions.ts';
import { applicationsExportQuerySchema } from '../../../shared/privacy.ts';
import type { DirectoryRepository } from '../../db/directory-repository.ts';
import type { MissionRepository } from '../../db/mission-repository.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { csvDisposition, toCsv } from '../../domain/exports/csv.ts';
import {
  type InterventionRow,
  interventionColumns,
  type MissionRow,
  missionColumns,
} from '../../domain/exports/mission-columns.ts';
import { missionTotals } from '../../domain/missions/mission.ts';
import { sizeClassLabel } from '../../domain/privacy/anonymisation.ts';
import { type Actor, networksInScope } from '../../domain/staff/actor.ts';

export interface MissionExportDeps {
  missions: Pick<MissionRepository, 'listByNetworkAndStatus' | 'forApplication'>;
  directory: Pick<DirectoryRepository, 'partners' | 'competences'>;
  networks: readonly { id: string; name: string }[];
}

const slotRank = { morning: 0, afternoon: 1 } as const;

export type MissionExportKind = 'missions' | 'interventions';

/**
 * The funders' files of one network (or every network in scope) for a period of Paris days: the
 * missions that ran in it (their planned span overlaps it, or a half-day falls in it), or the
 * half-days dated in it. Missions are read per network and status through byNetworkAndStatus, their
 * SMEs' names from their own partitions, partners' names and competences' labels once per network.
 */
export const exportMissions = async (
  deps: MissionExportDeps,
  actor: Actor,
  rawQuery: unknown,
  kind: MissionExportKind,
): Promise<{ fileName: string; contentDisposition: string; csv: string; rows: number }> => {
  const query = z.parse(applicationsExportQuerySchema, rawQuery);
  const inScope = networksInScope(
    actor,
    deps.networks.map((network) => network.id),
  );
  if (query.network && !inScope.includes(query.network)) {
    throw new NotFoundError('Ce réseau n’existe pas, ou vous n’y avez pas accès.');
  }
  const inPeriod = (day: string) => day >= query.from && day <= query.to;
  const perNetwork = await Promise.all(
    (query.network ? [query.network] : inScope).map(async (network) => {
      const [lists, partners, competences] = await Promise.all([
        Promise.all(missionStatuses.map((status) => deps.missions.listByNetworkAndStatus(network, status))),
        deps.directory.partners.list(network),
        deps.directory.competences.list(network),
      ]);
      const missions = lists
        .flat()
        .filter(
          (mission) =>
            (mission.startDate <= query.to && mission.endDate >= query.from) ||
            mission.interventions.some((intervention) => inPeriod(intervention.date)),
        );
      const applications = new Map(
        await Promise.all(
          [...new Set(missions.map((mission) => mission.reference))].map(
            async (reference) =>
              [reference, (await deps.missions.forApplication(reference))?.application] as const,
          ),
        ),
      );
      const partnerNames = new Map(partners.map((partner) => [partner.id, partner.name]));
      // Every stored label, retired competences included: a past mission keeps what it was about.
      const labels = new Map(competences.map((competence) => [competence.id, competence.label]));
      const networkName = deps.networks.find((candidate) => candidate.id === network)?.name ?? network;
      return missions.map((mission) => {
        const company = applications.get(mission.reference)?.data.company;
        return {
          mission,
          networkName,
          companyName: company?.name ?? '',
          sizeClass: company ? sizeClassLabel(company) : '',
          competence: labels.get(mission.competenceId) ?? mission.competenceId,
          partnerName: partnerNames.get(mission.partnerId) ?? mission.partnerId,
        };
      });
    }),
  );
  const found = perNetwork.flat().sort((a, b) => a.mission.id.localeCompare(b.mission.id));
  const name = `${kind === 'missions' ? 'missions' : 'demi-journees'}-${query.network ?? 'tous-reseaux'}-${query.from}-${query.to}.csv`;
  const file = (csv: string, rows: number) => ({
    fileName: name,
    contentDisposition: csvDisposition(name),
    csv,
    rows,
  });
  if (kind === 'interventions') {
    const rows = found
      .flatMap(({ mission, ...names }) =>
        mission.interventions
          .filter((intervention) => inPeriod(intervention.date))
          .map(
            (intervention): InterventionRow => ({
              missionId: mission.id,
              reference: mission.reference,
              networkName: names.networkName,
              companyName: names.companyName,
              competence: names.competence,
              partnerName: names.partnerName,
              date: intervention.date,
              slot: intervention.slot,
              remote: intervention.remote,
              status: intervention.status,
            }),
          ),
      )
      .sort((a, b) => a.date.localeCompare(b.date) || slotRank[a.slot] - slotRank[b.slot]);
    return file(toCsv(interventionColumns, rows), rows.length);
  }
  const rows = found.map(({ mission, ...names }): MissionRow => {
    const totals = missionTotals(mission);
    const followUp = (month: 12 | 24) => mission.outcomes.followUps.find((answer) => answer.month === month);
    return {
      id: mission.id,
      reference: mission.reference,
      ...names,
      status: mission.status,
      startDate: mission.startDate,
      endDate: mission.endDate,
      plannedHalfDays: mission.plannedHalfDays,
      scheduledHalfDays: totals.planned,
      deliveredHalfDays: totals.delivered,
      startedAt: mission.startedAt,
      closedAt: mission.closedAt,
      jobsCreated: mission.outcomes.sme?.jobsCreated,
      jobsMaintained: mission.outcomes.sme?.jobsMaintained,
      smeSatisfaction: mission.outcomes.sme?.satisfaction,
      volunteerSatisfaction: mission.outcomes.volunteer?.satisfaction,
      followUp12: followUp(12),
      followUp24: followUp(24),
    };
  });
  return file(toCsv(missionColumns, rows), rows.length);
};
