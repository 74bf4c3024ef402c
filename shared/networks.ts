import * as z from 'zod/mini';

/** The local part of the national coordination's sender address (see senderAddress). */
export const nationalSenderLocalPart = 'coordination';

/**
 * How the public reaches a network's team or the national coordination: shown on the networks and
 * contact pages, in the legal notice and at the foot of every mail. Deployment settings (cdk.json).
 */
export const publicContactSchema = z.object({
  /** Postal address, one line per entry, as it goes on an envelope. */
  address: z.array(z.string().check(z.minLength(2), z.maxLength(120))).check(z.minLength(1), z.maxLength(5)),
  /** As French readers write it, e.g. `02 54 00 00 00`. */
  phone: z.string().check(z.regex(/^(?:\+\d{2,3}|0)[\d\s\u00a0]{8,16}$/)),
  email: z.email(),
});
export type PublicContact = z.infer<typeof publicContactSchema>;

/**
 * A local Alizé network: a territory (one or more départements), the operator that runs it, how the
 * public reaches it, and the staff mailboxes that hear of its applications. Networks are deployment
 * settings (cdk.json), handed to the functions as JSON and validated with this schema on both sides.
 */
export const networkSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/)),
  name: z.string().check(z.minLength(2), z.maxLength(80)),
  operator: z.string().check(z.minLength(2), z.maxLength(120)),
  departements: z.array(z.string().check(z.regex(/^(\d{2}|2A|2B|97\d)$/))).check(z.minLength(1)),
  contact: publicContactSchema,
  staffEmails: z.array(z.email()).check(z.minLength(1)),
  /** The steering committee (comité de pilotage): it gets the monthly statistics, nothing else. */
  steeringCommitteeEmails: z.optional(z.array(z.email()).check(z.maxLength(20))),
});
export type Network = z.infer<typeof networkSchema>;

export const networksSchema = z.array(networkSchema).check(
  z.minLength(1),
  z.refine(
    (list) => new Set(list.map((n) => n.id)).size === list.length,
    'Deux réseaux portent le même identifiant.',
  ),
  // Both name the national coordination: in stored records, and as the sender of its mail.
  z.refine(
    (list) => list.every((n) => n.id !== 'national' && n.id !== nationalSenderLocalPart),
    'Les identifiants «\u00a0national\u00a0» et «\u00a0coordination\u00a0» sont réservés à la coordination nationale.',
  ),
);

/** What the public may know of a network: never the staff's or the steering committee's mailboxes. */
export type PublicNetwork = Omit<Network, 'staffEmails' | 'steeringCommitteeEmails'>;
export const toPublicNetwork = ({
  staffEmails: _hidden,
  steeringCommitteeEmails: _alsoHidden,
  ...rest
}: Network): PublicNetwork => rest;

/**
 * The national coordination: it answers people outside every network's territory, and its staff
 * read the contact messages no network takes.
 */
export const nationalSchema = z.object({
  name: z.string().check(z.minLength(2), z.maxLength(80)),
  operator: z.string().check(z.minLength(2), z.maxLength(120)),
  contact: publicContactSchema,
  staffEmails: z.array(z.email()).check(z.minLength(1)),
});
export type National = z.infer<typeof nationalSchema>;
export type PublicNational = Omit<National, 'staffEmails'>;
export const toPublicNational = ({ staffEmails: _hidden, ...rest }: National): PublicNational => rest;

/** Who signs a mail: a network, or the national coordination. */
export type Signatory = Pick<Network, 'name' | 'operator' | 'contact'>;

/**
 * The address a mail is sent from: one per network on the deployment's verified domain
 * (`indre@alize.example.org`, shown as « Alizé Indre »), so the sender is the network the person
 * deals with; replies go to its staff through Reply-To, never to a « ne-pas-répondre » mailbox.
 */
export const senderAddress = (senderDomain: string, networkId: string | undefined): string =>
  `${networkId ?? nationalSenderLocalPart}@${senderDomain}`;

/** Who answers for a submission or a mail: a network, or the national coordination (no `id`). */
export type Correspondent = Signatory & { id?: string; staffEmails: readonly string[] };

/** The network of this id, or the national coordination for `national` or an unknown id. */
export const correspondentOf = (
  networks: readonly Network[],
  national: National,
  networkId: string | undefined,
): Correspondent => networks.find((network) => network.id === networkId) ?? national;

export const mailSender = (correspondent: Correspondent, senderDomain: string) => ({
  name: correspondent.name,
  address: senderAddress(senderDomain, correspondent.id),
});
