import type * as z from 'zod/mini';
import { parisYear } from '../../../shared/dates.ts';
import type { FieldError } from '../../../shared/validation.ts';
import type { CounterRepository } from '../../db/counter-repository.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import {
  publicFormOrigin,
  receivedState,
  type SubmissionOrigin,
} from '../../domain/applications/lifecycle.ts';
import { formatReference, type ReferenceKind, sequenceOf } from '../../domain/public-forms/reference.ts';
import {
  type Location,
  locateCompany,
  type ReferenceData,
} from '../../domain/public-forms/submission-checks.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';
import { wellFormed } from './form-input.ts';

/**
 * What the application and the partner offer share: a company placed by its commune in a network,
 * numbered in its département's yearly sequence, and stored with its commune attached.
 */

/** The company's place, read from its postcode and city alone, so their problems join the form's others. */
export const locateCompanyInput = (
  reference: ReferenceData,
  fields: { postcode: z.ZodMiniType<string>; city: z.ZodMiniType<string> },
  raw: unknown,
  errors: (FieldError | undefined)[],
): Location | undefined => {
  const postcode = wellFormed(fields.postcode, raw, 'company.postcode');
  const city = wellFormed(fields.city, raw, 'company.city');
  if (!postcode || !city) return undefined;
  const located = locateCompany(
    reference,
    { postcode, city },
    { postcode: 'company.postcode', city: 'company.city' },
  );
  if ('error' in located) {
    errors.push(located.error);
    return undefined;
  }
  return located.location;
};

export interface CommunePlace {
  communeCode: string;
  communeName: string;
  departement: string;
}

/** How a submission arrives when not straight from the site's form. */
export interface SubmitOptions {
  /** Recorded by staff on the company's behalf, or released from quarantine by staff. */
  origin?: SubmissionOrigin;
  /** Staff record only in a network they work for. */
  mayRecordIn?(network: string): boolean;
  /** A submission released from quarantine keeps the reference its sender was given. */
  reference?: string;
}

/**
 * Numbers and stores a submission whose every rule has passed, with the `personKey` of its
 * contact's address in the same write; answers its reference and time.
 */
export const storeCompanySubmission = async <T>(
  deps: { counters: CounterRepository; submissions: SubmissionRepository<T>; people: PersonKeys },
  kind: ReferenceKind,
  { commune, network }: Location,
  now: Date,
  contactEmail: string,
  data: (place: CommunePlace, createdAt: string) => T,
  { origin = publicFormOrigin, reference: kept }: SubmitOptions = {},
) => {
  const year = parisYear(now);
  // The key costs a round trip only on an instance's first submission: side by side with the sequence.
  const [sequence, personKey] = await Promise.all([
    kept ? undefined : deps.counters.next(sequenceOf[kind], commune.departement, year),
    deps.people.of(contactEmail),
  ]);
  const reference = kept ?? formatReference(kind, commune.departement, year, sequence as number);
  const createdAt = now.toISOString();
  const place = { communeCode: commune.code, communeName: commune.name, departement: commune.departement };
  await deps.submissions.create({
    reference,
    network: network.id,
    ...receivedState(createdAt, origin),
    personKey,
    data: data(place, createdAt),
  });
  return { reference, createdAt };
};
