import { waitingOn } from '../../../shared/application-lifecycle.ts';
import { parisDaysBetween } from '../../../shared/dates.ts';
import type { ApplicationView, InboxItem } from '../../../shared/staff-api.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { StaffNote, StoredSubmission } from '../../db/entities/submission.ts';
import { transitions } from '../../domain/applications/lifecycle.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { type Actor, mayChange } from '../../domain/staff/actor.ts';
import type { ApplicationsDeps } from './dependencies.ts';

type Stored = StoredSubmission<ApplicationData>;

export const notFound = () =>
  new NotFoundError('Cette candidature n’existe pas, ou elle ne relève pas de votre réseau.');

export const inboxItem = (application: Stored, now: Date): InboxItem => ({
  reference: application.reference,
  network: application.network,
  status: application.status,
  companyName: application.data.company.name,
  projectTitle: application.data.project.title,
  receivedAt: application.createdAt,
  since: application.updatedAt,
  ageDays: parisDaysBetween(application.createdAt, now),
  daysInStatus: parisDaysBetween(application.updatedAt, now),
  waitingOn: waitingOn[application.status],
  ...(application.committee ? { committee: application.committee } : {}),
  source: application.source,
});

/**
 * The labels of a network's competences, by id: an application stores the ids it asked for, and a
 * competence retired since still shows its label to staff (the stored records, not the public view).
 */
export const competenceLabels = (
  deps: Pick<ApplicationsDeps, 'competences'>,
  network: string,
): Promise<ReadonlyMap<string, string>> => deps.competences.labels(network);

/** Everything staff see of one application, with the moves open to this actor now. */
export const applicationView = async (
  deps: Pick<ApplicationsDeps, 'networks' | 'competences'>,
  actor: Actor,
  application: Stored,
  notes: StaffNote[],
): Promise<ApplicationView> =>
  viewWithLabels(deps, actor, application, notes, await competenceLabels(deps, application.network));

/** The same, with the network's competence labels already read (a committee's agenda reads them once). */
export const viewWithLabels = (
  deps: Pick<ApplicationsDeps, 'networks'>,
  actor: Actor,
  application: Stored,
  notes: StaffNote[],
  labels: ReadonlyMap<string, string>,
): ApplicationView => {
  const network = deps.networks.find((candidate) => candidate.id === application.network);
  const editable = mayChange(actor, application.network);
  const { company, contact, project } = application.data;
  return {
    reference: application.reference,
    network: { id: application.network, name: network?.name ?? application.network },
    status: application.status,
    version: application.version,
    source: application.source,
    receivedAt: application.createdAt,
    updatedAt: application.updatedAt,
    company,
    contact,
    project: {
      ...project,
      competences: project.competences.map((id) => ({ id, label: labels.get(id) ?? id })),
    },
    ...(application.committee ? { committee: application.committee } : {}),
    ...(application.opinion ? { opinion: application.opinion } : {}),
    ...(application.anonymisation ? { anonymisation: application.anonymisation } : {}),
    history: application.history,
    notes: [...notes].sort((a, b) => a.at.localeCompare(b.at)),
    moves: editable
      ? Object.entries(transitions[application.status])
          .filter(([, move]) => move?.by === 'staff')
          .map(([to, move]) => ({
            to: to as ApplicationView['status'],
            reason: move?.reason === 'required',
            committee: move?.committee === 'required',
          }))
      : [],
    editable,
  };
};
