import type { DirectoryStore } from '../../db/directory-repository.ts';
import { type DirectoryKindName, staleRecord } from '../../domain/directory/directory.ts';
import { ConflictError } from '../../domain/errors.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';
import { missing } from './scope.ts';

/**
 * The one place where a directory record is written, new or changed: every partner, volunteer and
 * competence goes through here, so that what each write must carry besides the record (the index on
 * a keyed hash of a person's e-mail, for the privacy export) is added once.
 */
// Ids have a random part: a clash is a retry of the same creation, or bad luck worth a second try.
const alreadyThere: Record<DirectoryKindName, string> = {
  partner: 'Cette entreprise partenaire est déjà enregistrée sous cet identifiant. Réessayez si besoin.',
  volunteer: 'Ce salarié volontaire est déjà enregistré sous cet identifiant. Réessayez si besoin.',
  competence: 'Cette compétence est déjà enregistrée sous cet identifiant. Réessayez si besoin.',
};

/** The address a record holds of a person: a volunteer's own, a partner's contact's; a competence holds none. */
const personAddress = (record: object): string | undefined => {
  const { email, contact } = record as { email?: unknown; contact?: { email?: unknown } };
  if (typeof email === 'string') return email;
  return typeof contact?.email === 'string' ? contact.email : undefined;
};

// A change rewrites the whole item, so the key goes with every write, not only the first.
const indexAttributes = async (people: PersonKeys, record: object) => {
  const address = personAddress(record);
  return address ? { personKey: await people.of(address) } : {};
};

export const writeNew = async <T extends { id: string }>(
  people: PersonKeys,
  kind: DirectoryKindName,
  store: DirectoryStore<T>,
  record: T,
): Promise<T> => {
  if (!(await store.create(record, await indexAttributes(people, record)))) {
    throw new ConflictError(alreadyThere[kind]);
  }
  return record;
};

/**
 * Writes a changed record on the version it was read at (its version is one more): someone else's
 * change in between answers 409 with the record as it is now.
 */
export const writeChange = async <T extends { id: string; network: string; version: number }>(
  people: PersonKeys,
  kind: DirectoryKindName,
  store: DirectoryStore<T>,
  record: T,
): Promise<T> => {
  if (await store.save(record, await indexAttributes(people, record))) return record;
  const current = await store.get(record.network, record.id);
  if (!current) throw missing(kind);
  throw staleRecord(kind, current);
};
