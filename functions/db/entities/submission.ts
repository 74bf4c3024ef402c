/**
 * What every form submission stored has in common (application, partner offer, contact message):
 * its own partition named after its reference, a status, and the attributes of the
 * byNetworkAndStatus index, through which the back office will list a network's submissions.
 */
export type SubmissionEntity = 'application' | 'partner-offer' | 'contact-message';
export type SubmissionStatus = 'received';

/** Messages for the national coordination carry this instead of a network id. */
export const nationalNetwork = 'national';

export interface SubmissionKeys {
  readonly entity: SubmissionEntity;
  of(reference: string): { pk: string; sk: string };
}

export const submissionKeys = (entity: SubmissionEntity, prefix: string): SubmissionKeys => ({
  entity,
  of: (reference) => ({ pk: `${prefix}#${reference}`, sk: prefix }),
});

export const networkStatusKey = (entity: string, network: string, status: string) =>
  `${entity}#${network}#${status}`;

export interface StoredSubmission<T> {
  reference: string;
  /** Network id, or `national`. */
  network: string;
  status: SubmissionStatus;
  createdAt: string;
  data: T;
}

export const submissionToItem = <T>(keys: SubmissionKeys, submission: StoredSubmission<T>) => ({
  ...keys.of(submission.reference),
  entity: keys.entity,
  networkStatus: networkStatusKey(keys.entity, submission.network, submission.status),
  ...submission,
});

export const submissionFromItem = <T>(item: Record<string, unknown>): StoredSubmission<T> => ({
  reference: item.reference as string,
  network: item.network as string,
  status: item.status as SubmissionStatus,
  createdAt: item.createdAt as string,
  data: item.data as T,
});
