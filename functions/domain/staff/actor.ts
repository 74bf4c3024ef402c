import { nationalGroup } from '../../../shared/staff.ts';

/**
 * Who is acting in the back office, read from the claims the JWT authorizer verified: the staff of
 * one network, or the national coordination, who read every network.
 */
export type StaffScope = { kind: 'network'; network: string } | { kind: 'national' };

export interface Actor {
  /** The issuer's stable subject: what the audit trail keeps. */
  id: string;
  /** What a colleague reads in the history: the account's user name (its e-mail address). */
  name: string;
  scope: StaffScope;
}

/**
 * API Gateway hands a JWT's claims to the function as strings: an array claim such as
 * `cognito:groups` arrives as `[indre national]`. Read both forms, so a test calling the handler
 * with the token's own array reads the same groups.
 */
export const groupsOf = (claim: unknown): string[] => {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  const inner = claim.startsWith('[') && claim.endsWith(']') ? claim.slice(1, -1) : claim;
  return inner.split(/[\s,]+/).filter((group) => group !== '');
};

/**
 * The actor, or undefined when the claims name no group this deployment knows: a verified token of
 * someone who is not (or no longer) staff of any network.
 */
export const actorFromClaims = (
  claims: Record<string, unknown>,
  networkIds: readonly string[],
): Actor | undefined => {
  const id = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!id) return undefined;
  const name = String(claims.username ?? claims['cognito:username'] ?? claims.email ?? id);
  const groups = groupsOf(claims['cognito:groups']);
  if (groups.includes(nationalGroup)) return { id, name, scope: { kind: 'national' } };
  const network = groups.find((group) => networkIds.includes(group));
  return network ? { id, name, scope: { kind: 'network', network } } : undefined;
};

/** Whether the actor may see a resource of this network: its own staff, or the national coordination. */
export const mayRead = (actor: Actor, network: string): boolean =>
  actor.scope.kind === 'national' || actor.scope.network === network;

/** Whether the actor may change it: only the network's own staff, unless a route lets the national coordination act. */
export const mayChange = (actor: Actor, network: string, options: { national?: boolean } = {}): boolean =>
  actor.scope.kind === 'national' ? options.national === true : actor.scope.network === network;

/** The networks an actor's lists cover. */
export const networksInScope = (actor: Actor, networkIds: readonly string[]): string[] =>
  actor.scope.kind === 'national' ? [...networkIds] : [actor.scope.network];
