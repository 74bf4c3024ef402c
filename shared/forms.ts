/**
 * The three public forms, as the site and the API both know them: where the page is, where it
 * posts, and the rules of the exchange that are not fields (size, idempotency, anti-bot).
 */
export const forms = {
  application: { page: '/candidater/', endpoint: '/api/applications' },
  partnerOffer: { page: '/devenir-partenaire/', endpoint: '/api/partners' },
  contactMessage: { page: '/contact/', endpoint: '/api/contact' },
} as const;

export type FormName = keyof typeof forms;

/** A form post larger than this is refused (413) before anything reads it. */
export const maxFormBodyBytes = 32 * 1024;

/** Header the enhanced form sends, one value per form load: a retry or a double click records once. */
export const idempotencyHeader = 'idempotency-key';

/** A form filled in faster than this (from `formStartedAt`) was filled by a script. */
export const minimumFillMilliseconds = 3000;

/**
 * A field's `id` on its page: the dotted name with hyphens (`company.siret` → `company-siret`),
 * so the no-JavaScript answer page can link to `/candidater/#company-siret`.
 */
export const fieldId = (name: string): string => name.replaceAll('.', '-');

/**
 * What Alizé promises after a submission: the network's team gets back to the person within this
 * many working days (said on the answer page and in the acknowledgement mail).
 */
export const followUpWorkingDays = 10;

/**
 * The `201` answer of every form: the reference the person quotes, and the network that handles
 * the submission (`null` only for a contact message that goes to the national coordination).
 */
export interface FormAccepted {
  reference: string;
  network: { id: string; name: string } | null;
}
