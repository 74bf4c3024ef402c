import type {
  CompetenceRecord,
  DirectoryChange,
  DirectoryStatus,
  PartnerRecord,
  VolunteerRecord,
} from '../../../shared/partners.ts';
import type { FieldError } from '../../../shared/validation.ts';
import { StaleVersionError } from '../applications/lifecycle.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';

/**
 * The rules of a network's directory (partner companies, their volunteers, the competences they
 * offer), pure: the clock, the actor and the random part of new ids are passed in.
 */
type Versioned = { version: number; status: DirectoryStatus; history: DirectoryChange[]; updatedAt: string };
type Actor = DirectoryChange['actor'];

/** The first state of a record: version 1, one history line. */
export const createdState = (actor: Actor, now: Date, fromOffer?: string) => ({
  status: 'active' as const,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  version: 1,
  history: [
    { at: now.toISOString(), actor, change: 'created' as const, ...(fromOffer ? { fromOffer } : {}) },
  ],
});

/** The record after a change: version + 1 and its audit line, to be written on the version read. */
export const withChange = <R extends Versioned>(
  record: R,
  changes: Partial<R>,
  change: DirectoryChange['change'],
  actor: Actor,
  now: Date,
): R => ({
  ...record,
  ...changes,
  version: record.version + 1,
  updatedAt: now.toISOString(),
  history: [...record.history, { at: now.toISOString(), actor, change }],
});

const kindWords = {
  partner: { the: 'cette entreprise partenaire', it: 'la', retired: 'retirée', active: 'active' },
  volunteer: { the: 'ce salarié volontaire', it: 'le', retired: 'retiré', active: 'actif' },
  competence: { the: 'cette compétence', it: 'la', retired: 'retirée', active: 'active' },
} as const;
export type DirectoryKindName = keyof typeof kindWords;

export const staleRecord = (kind: DirectoryKindName, current: unknown) =>
  new StaleVersionError(
    current,
    `Quelqu’un a modifié ${kindWords[kind].the} pendant que vous ${kindWords[kind].it} consultiez. Voici sa fiche actuelle\u00a0: relisez-la avant d’agir à nouveau.`,
  );

/** The version read must be the stored one, before anything else is checked. */
export const checkVersion = (kind: DirectoryKindName, record: Versioned, version: number) => {
  if (record.version !== version) throw staleRecord(kind, record);
};

/** Retire or reinstate: the change it writes, refused when the record is already so. */
export const statusChange = (
  kind: DirectoryKindName,
  record: Pick<Versioned, 'status'>,
  to: DirectoryStatus,
): DirectoryChange['change'] => {
  if (record.status === to) {
    const words = kindWords[kind];
    const first = words.the.charAt(0).toUpperCase() + words.the.slice(1);
    throw new ConflictError(`${first} est déjà ${words[to]}.`);
  }
  return to === 'retired' ? 'retired' : 'reinstated';
};

/** `Laboratoires du Val d’Indre` → `laboratoires-du-val-d-indre`: readable ids for companies and competences. */
export const slug = (text: string, max = 40): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');

/**
 * A new record's id: the network first (a record is read in its network's partition), a readable part,
 * and a random part so that two « Qualité » competences do not collide. Volunteers get no readable
 * part: their id travels in addresses and access logs, and a name is personal data.
 */
export const newDirectoryId = (network: string, readable: string | undefined, random: string): string =>
  [network, readable ? slug(readable) : 'v', random].filter((part) => part !== '').join('-');

/** The partner made from a partner offer: its id follows from the offer's reference, so a retry finds it. */
export const partnerIdFromOffer = (network: string, reference: string): string =>
  `${network}-${reference.toLowerCase()}`;

/** Two partners of one network with one SIRET would be one establishment counted twice. */
export const checkSiretFree = (
  partners: readonly Pick<PartnerRecord, 'id' | 'siret' | 'name'>[],
  siret: string,
  exceptId?: string,
) => {
  const clash = partners.find((partner) => partner.siret === siret && partner.id !== exceptId);
  if (clash) {
    throw new ConflictError(
      `L’entreprise partenaire «\u00a0${clash.name}\u00a0» porte déjà ce SIRET dans votre réseau\u00a0: modifiez sa fiche plutôt que d’en créer une seconde.`,
    );
  }
};

/**
 * A competence names partners of its own network: each must exist there, those it did not name
 * before must be active, and at least one active partner must offer it (nobody could run it otherwise).
 */
export const checkCompetencePartners = (
  partnerIds: readonly string[],
  partners: readonly Pick<PartnerRecord, 'id' | 'status'>[],
  before: readonly string[] = [],
) => {
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  const errors: FieldError[] = [];
  partnerIds.forEach((id, index) => {
    const partner = byId.get(id);
    if (!partner) {
      errors.push({
        field: `partnerIds.${index}`,
        message: 'Cette entreprise partenaire n’existe pas dans votre réseau.',
      });
    } else if (partner.status !== 'active' && !before.includes(id)) {
      errors.push({
        field: `partnerIds.${index}`,
        message: 'Cette entreprise partenaire est retirée\u00a0: elle ne peut plus offrir de compétence.',
      });
    }
  });
  if (errors.length === 0 && !partnerIds.some((id) => byId.get(id)?.status === 'active')) {
    errors.push({
      field: 'partnerIds',
      message: 'Choisissez au moins une entreprise partenaire active qui offre cette compétence.',
    });
  }
  if (errors.length > 0) throw new InvalidInputError(errors);
};

/**
 * A volunteer belongs to one partner of the network, active unless it already belonged to it, and
 * names competences of the network's catalogue (those newly named must be active).
 */
export const checkVolunteer = (
  input: Pick<VolunteerRecord, 'partnerId' | 'competences'>,
  partners: readonly Pick<PartnerRecord, 'id' | 'status'>[],
  competences: readonly Pick<CompetenceRecord, 'id' | 'status'>[],
  before?: Pick<VolunteerRecord, 'partnerId' | 'competences'>,
) => {
  const errors: FieldError[] = [];
  const partner = partners.find((candidate) => candidate.id === input.partnerId);
  if (!partner) {
    errors.push({
      field: 'partnerId',
      message: 'Cette entreprise partenaire n’existe pas dans votre réseau.',
    });
  } else if (partner.status !== 'active' && before?.partnerId !== input.partnerId) {
    errors.push({
      field: 'partnerId',
      message:
        'Cette entreprise partenaire est retirée\u00a0: rattachez le salarié volontaire à une entreprise active.',
    });
  }
  const catalogue = new Map(competences.map((competence) => [competence.id, competence]));
  input.competences.forEach((id, index) => {
    const competence = catalogue.get(id);
    if (!competence) {
      errors.push({
        field: `competences.${index}`,
        message: 'Cette compétence n’est pas au catalogue de votre réseau.',
      });
    } else if (competence.status !== 'active' && !before?.competences.includes(id)) {
      errors.push({ field: `competences.${index}`, message: 'Cette compétence est retirée du catalogue.' });
    }
  });
  if (errors.length > 0) throw new InvalidInputError(errors);
};
