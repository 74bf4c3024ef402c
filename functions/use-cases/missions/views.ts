import type { MissionChoices, MissionView } from '../../../shared/missions.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { StoredSubmission } from '../../db/entities/submission.ts';
import { NotFoundError } from '../../domain/errors.ts';
import {
  checklistComplete,
  type Mission,
  missionTotals,
  parseMissionId,
} from '../../domain/missions/mission.ts';
import { type Actor, mayChange } from '../../domain/staff/actor.ts';
import type { MissionReadDeps } from './dependencies.ts';

/** A mission by its id (`<reference>-M<n>`), with its application and the application's other missions. */
export const located = async (deps: Pick<MissionReadDeps, 'missions'>, id: string) => {
  const parsed = parseMissionId(id);
  const found = parsed ? await deps.missions.forApplication(parsed.reference) : undefined;
  const mission = found?.missions.find((candidate) => candidate.number === parsed?.number);
  return found && mission ? { ...found, mission } : undefined;
};

export const missionNotFound = () =>
  new NotFoundError('Cette mission n’existe pas, ou elle ne relève pas de votre réseau.');

/** The competence, partner and volunteer a mission names, read from the network's directory. */
export const missionParties = async (deps: Pick<MissionReadDeps, 'directory'>, mission: Mission) => {
  const [competence, partner, volunteer] = await Promise.all([
    deps.directory.competences.get(mission.network, mission.competenceId),
    deps.directory.partners.get(mission.network, mission.partnerId),
    deps.directory.volunteers.get(mission.network, mission.volunteerId),
  ]);
  return { competence, partner, volunteer };
};
export type MissionParties = Awaited<ReturnType<typeof missionParties>>;

export const missionView = (
  actor: Actor,
  mission: Mission,
  application: StoredSubmission<ApplicationData>,
  { competence, partner, volunteer }: MissionParties,
): MissionView => ({
  id: mission.id,
  reference: mission.reference,
  network: mission.network,
  status: mission.status,
  version: mission.version,
  createdAt: mission.createdAt,
  updatedAt: mission.updatedAt,
  ...(mission.startedAt ? { startedAt: mission.startedAt } : {}),
  ...(mission.closedAt ? { closedAt: mission.closedAt } : {}),
  companyName: application.data.company.name,
  competence: { id: mission.competenceId, label: competence?.label ?? mission.competenceId },
  partner: { id: mission.partnerId, name: partner?.name ?? mission.partnerId },
  volunteer: {
    id: mission.volunteerId,
    firstName: volunteer?.firstName ?? '',
    lastName: volunteer?.lastName ?? mission.volunteerId,
    role: volunteer?.role ?? '',
    email: volunteer?.email ?? '',
    ...(volunteer?.phone ? { phone: volunteer.phone } : {}),
  },
  plannedHalfDays: mission.plannedHalfDays,
  startDate: mission.startDate,
  endDate: mission.endDate,
  checklist: mission.checklist,
  checklistComplete: checklistComplete(mission.checklist),
  interventions: [...mission.interventions].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.slot === b.slot ? 0 : a.slot === 'morning' ? -1 : 1),
  ),
  totals: missionTotals(mission),
  outcomes: mission.outcomes,
  history: mission.history,
  editable: mayChange(actor, mission.network),
});

export const viewOf = async (
  deps: Pick<MissionReadDeps, 'directory'>,
  actor: Actor,
  mission: Mission,
  application: StoredSubmission<ApplicationData>,
) => missionView(actor, mission, application, await missionParties(deps, mission));

/** What a new mission may be made of: active competences with their active partners, and those partners' active volunteers. */
export const missionChoices = async (
  deps: Pick<MissionReadDeps, 'directory'>,
  network: string,
): Promise<MissionChoices> => {
  const [competences, partners, volunteers] = await Promise.all([
    deps.directory.competences.list(network),
    deps.directory.partners.list(network),
    deps.directory.volunteers.list(network),
  ]);
  const activePartners = partners.filter((partner) => partner.status === 'active');
  const partnerIds = new Set(activePartners.map((partner) => partner.id));
  return {
    competences: competences
      .filter((competence) => competence.status === 'active')
      .map((competence) => ({
        id: competence.id,
        label: competence.label,
        partnerIds: competence.partnerIds.filter((id) => partnerIds.has(id)),
      }))
      .filter((competence) => competence.partnerIds.length > 0)
      .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    partners: activePartners
      .map((partner) => ({ id: partner.id, name: partner.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    volunteers: volunteers
      .filter((volunteer) => volunteer.status === 'active' && partnerIds.has(volunteer.partnerId))
      .map((volunteer) => ({
        id: volunteer.id,
        partnerId: volunteer.partnerId,
        name: `${volunteer.firstName} ${volunteer.lastName}`,
        role: volunteer.role,
        competences: volunteer.competences,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
};
