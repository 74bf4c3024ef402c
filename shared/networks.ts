import * as z from 'zod/mini';

/**
 * A local Alizé network: a territory (one or more départements), the operator that runs it,
 * and the staff mailbox that hears of its applications. Networks are deployment settings
 * (cdk.json), handed to the functions as JSON and validated with this schema on both sides.
 */
export const networkSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/)),
  name: z.string().check(z.minLength(2), z.maxLength(80)),
  operator: z.string().check(z.minLength(2), z.maxLength(120)),
  departements: z.array(z.string().check(z.regex(/^(\d{2}|2A|2B|97\d)$/))).check(z.minLength(1)),
  staffEmails: z.array(z.email()).check(z.minLength(1)),
});
export type Network = z.infer<typeof networkSchema>;

export const networksSchema = z.array(networkSchema).check(
  z.minLength(1),
  z.refine(
    (list) => new Set(list.map((n) => n.id)).size === list.length,
    'Deux réseaux portent le même identifiant.',
  ),
);

/** What the public may know of a network: never the staff mailboxes. */
export type PublicNetwork = Omit<Network, 'staffEmails'>;
export const toPublicNetwork = ({ staffEmails: _hidden, ...rest }: Network): PublicNetwork => rest;
