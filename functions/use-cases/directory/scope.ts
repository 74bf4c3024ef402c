import type { DirectoryStore } from '../../db/directory-repository.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { type Actor, mayChange, mayRead, networksInScope } from '../../domain/staff/actor.ts';
import type { DirectoryDeps } from './dependencies.ts';

/**
 * Which network a directory request is about. A record lives in its network's partition, so a read
 * of one record names it: a network's staff read their own (`?network=` may say so, or be left out),
 * the national coordination names the network. Another network's record answers as a missing one.
 */
const what = {
  partner: 'Cette entreprise partenaire n’existe pas, ou elle ne relève pas de votre réseau.',
  volunteer: 'Ce salarié volontaire n’existe pas, ou il ne relève pas de votre réseau.',
  competence: 'Cette compétence n’existe pas, ou elle ne relève pas de votre réseau.',
  offer: 'Cette proposition d’entreprise n’existe pas, ou elle ne relève pas de votre réseau.',
  network: 'Ce réseau n’existe pas, ou il ne relève pas de votre compte.',
} as const;
export type Missing = keyof typeof what;

export const missing = (kind: Missing) => new NotFoundError(what[kind]);

/** The networks a list covers: the actor's own, or every one (or the one asked) for the national coordination. */
export const networksToList = (deps: DirectoryDeps, actor: Actor, asked: string | undefined): string[] => {
  const inScope = networksInScope(
    actor,
    deps.networks.map((network) => network.id),
  );
  if (asked === undefined || asked === '') return inScope;
  if (!inScope.includes(asked)) throw missing('network');
  return [asked];
};

/** The network of one record to read. */
export const networkToRead = (
  deps: DirectoryDeps,
  actor: Actor,
  asked: string | undefined,
  kind: Missing,
): string => {
  const network = asked || (actor.scope.kind === 'network' ? actor.scope.network : undefined);
  if (!network || !deps.networks.some((known) => known.id === network) || !mayRead(actor, network)) {
    throw missing(kind);
  }
  return network;
};

/** The network of a record to change: only its own staff change it; the national coordination reads only. */
export const networkToChange = (actor: Actor, asked: string | undefined, kind: Missing): string => {
  if (actor.scope.kind !== 'network') throw missing(kind);
  const network = actor.scope.network;
  if (asked && asked !== network) throw missing(kind);
  if (!mayChange(actor, network)) throw missing(kind);
  return network;
};

/** A stored record its network's staff may change, read on the network their account names. */
export const recordToChange = async <T>(
  store: DirectoryStore<T>,
  actor: Actor,
  kind: 'partner' | 'volunteer' | 'competence',
  id: string,
  query: { network?: string | undefined },
): Promise<T> => {
  const record = await store.get(networkToChange(actor, query.network, kind), id);
  if (!record) throw missing(kind);
  return record;
};
