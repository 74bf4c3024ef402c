import * as z from 'zod/mini';
import {
  directoryStatusSchema,
  type VolunteerRecord,
  volunteerInputSchema,
  volunteerUpdateSchema,
} from '../../../shared/partners.ts';
import {
  checkVersion,
  checkVolunteer,
  createdState,
  newDirectoryId,
  statusChange,
  withChange,
} from '../../domain/directory/directory.ts';
import type { Actor } from '../../domain/staff/actor.ts';
import type { DirectoryDeps } from './dependencies.ts';
import { networksToList, networkToChange, recordToChange } from './scope.ts';
import { writeChange, writeNew } from './write.ts';

const who = (actor: Actor) => ({ id: actor.id, name: actor.name });

const catalogueOf = async (deps: DirectoryDeps, network: string) =>
  Promise.all([deps.directory.partners.list(network), deps.directory.competences.list(network)]);

/** The volunteers of the networks in scope (or of one partner), retired ones included. */
export const listVolunteers = async (
  deps: DirectoryDeps,
  actor: Actor,
  query: { network?: string | undefined; partner?: string | undefined },
): Promise<{ volunteers: VolunteerRecord[] }> => {
  const lists = await Promise.all(
    networksToList(deps, actor, query.network).map((network) => deps.directory.volunteers.list(network)),
  );
  return {
    volunteers: lists
      .flat()
      .filter((volunteer) => !query.partner || volunteer.partnerId === query.partner)
      .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr')),
  };
};

/** An employee of an active partner of the network, who will run missions. */
export const createVolunteer = async (
  deps: DirectoryDeps,
  actor: Actor,
  raw: unknown,
  now: Date,
): Promise<VolunteerRecord> => {
  const input = z.parse(volunteerInputSchema, raw);
  const network = networkToChange(actor, undefined, 'network');
  const [partners, competences] = await catalogueOf(deps, network);
  checkVolunteer(input, partners, competences);
  const volunteer: VolunteerRecord = {
    id: newDirectoryId(network, undefined, deps.randomPart()),
    network,
    ...input,
    ...createdState(who(actor), now),
  };
  return writeNew(deps.people, 'volunteer', deps.directory.volunteers, volunteer);
};

const changeable = (deps: DirectoryDeps, actor: Actor, id: string, query: { network?: string | undefined }) =>
  recordToChange(deps.directory.volunteers, actor, 'volunteer', id, query);

export const updateVolunteer = async (
  deps: DirectoryDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  query: { network?: string | undefined },
  now: Date,
): Promise<VolunteerRecord> => {
  const { version, ...input } = z.parse(volunteerUpdateSchema, raw);
  const volunteer = await changeable(deps, actor, id, query);
  checkVersion('volunteer', volunteer, version);
  const [partners, competences] = await catalogueOf(deps, volunteer.network);
  checkVolunteer(input, partners, competences, volunteer);
  const { phone: _dropped, ...kept } = volunteer;
  // The phone is optional: a fiche sent without it no longer has one.
  return writeChange(
    deps.people,
    'volunteer',
    deps.directory.volunteers,
    withChange(kept as VolunteerRecord, input, 'updated', who(actor), now),
  );
};

/** A volunteer who leaves is retired: the fiche and its history stay, for the missions they ran. */
export const setVolunteerStatus = async (
  deps: DirectoryDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  query: { network?: string | undefined },
  now: Date,
): Promise<VolunteerRecord> => {
  const { status, version } = z.parse(directoryStatusSchema, raw);
  const volunteer = await changeable(deps, actor, id, query);
  checkVersion('volunteer', volunteer, version);
  if (status === 'active') {
    const [partners] = await catalogueOf(deps, volunteer.network);
    checkVolunteer({ partnerId: volunteer.partnerId, competences: [] }, partners, []);
  }
  const change = statusChange('volunteer', volunteer, status);
  return writeChange(
    deps.people,
    'volunteer',
    deps.directory.volunteers,
    withChange(volunteer, { status }, change, who(actor), now),
  );
};
