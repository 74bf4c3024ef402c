import type * as z from 'zod/mini';
import { parisYear } from '../../../shared/dates.ts';
import type { FieldError } from '../../../shared/validation.ts';
import type { CounterRepository } from '../../db/counter-repository.ts';
import type { StoredSubmission } from '../../db/entities/submission.ts';
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
  reference: Pick<ReferenceData, 'communes' | 'networks' | 'national'>,
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
  /** The caller awaits `mails.recorded` itself, after its own last write (the public forms' preset). */
  deferRecording?: boolean;
}

/**
 * Numbers a submission whose every rule has passed (its département's next number, or the reference
 * it keeps) and finds its contact's `personKey`, side by side: what its record needs, before anything
 * is written.
 */
export const numberCompanySubmission = async (
  deps: { counters: CounterRepository; people: PersonKeys },
  kind: ReferenceKind,
  { commune }: Location,
  now: Date,
  contactEmail: string,
  kept?: string,
) => {
  const year = parisYear(now);
  // The key costs a round trip only on an instance's first submission: side by side with the sequence.
  const [sequence, personKey] = await Promise.all([
    kept ? undefined : deps.counters.next(sequenceOf[kind], commune.departement, year),
    deps.people.of(contactEmail),
  ]);
  return {
    reference: kept ?? formatReference(kind, commune.departement, year, sequence as number),
    personKey,
  };
};

/** The record of a numbered submission, its commune attached, as received now. */
export const companySubmissionRecord = <T>(
  numbered: { reference: string; personKey: string },
  { commune, network }: Location,
  now: Date,
  data: (place: CommunePlace, createdAt: string) => T,
  origin: SubmissionOrigin = publicFormOrigin,
): StoredSubmission<T> => {
  const createdAt = now.toISOString();
  const place = { communeCode: commune.code, communeName: commune.name, departement: commune.departement };
  return {
    reference: numbered.reference,
    network: network.id,
    ...receivedState(createdAt, origin),
    personKey: numbered.personKey,
    data: data(place, createdAt),
  };
};
