/**
 * The references people quote on the phone: `ALZ-36-2026-0042` is the 42nd application of 2026
 * from the Indre. The scope is a département code, or `FR` when nobody said where they are.
 */
export const referencePrefixes = {
  application: 'ALZ',
  partnerOffer: 'PART',
  contactMessage: 'MSG',
} as const;

export type ReferenceKind = keyof typeof referencePrefixes;

/** The sequence each kind is numbered from, whether the submission is recorded or held in quarantine. */
export const sequenceOf: Record<ReferenceKind, string> = {
  application: 'application',
  partnerOffer: 'partner-offer',
  contactMessage: 'contact-message',
};

export const nationalScope = 'FR';

/** Four digits at least, so references sort and read alike; a 10 000th one simply gets five. */
export const formatReference = (
  kind: ReferenceKind,
  scope: string,
  year: number,
  sequence: number,
): string => {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Invalid sequence ${sequence}`);
  return `${referencePrefixes[kind]}-${scope}-${year}-${String(sequence).padStart(4, '0')}`;
};

export const referencePattern = /^(ALZ|PART|MSG)-(\d{2}|2A|2B|9\d{2}|FR)-(\d{4})-(\d{4,})$/;
