import type { FormName } from './forms.ts';

/**
 * The CloudWatch metrics the functions emit (Powertools Metrics, as EMF lines in their logs) and the
 * alarms watch (infra/constructs/alarms.ts): named once, for both sides.
 *
 * Dimensions are never personal: the service, a network id (`national` for what the national
 * coordination receives, a reserved id in shared/networks.ts), a job's schedule name. Never an
 * address, a name or a reference.
 */
export const metricsNamespace = 'Alize';
export const serviceName = 'alize';

export const dimensions = {
  /** Powertools' own: every metric carries it. */
  service: 'service',
  network: 'network',
  job: 'job',
} as const;

/** Where no network is concerned: the national coordination receives it. */
export const nationalDimension = 'national';

export const metricNames = {
  /** A person's submission, recorded (a suspected bot's, kept in quarantine, is not counted). */
  received: {
    application: 'ApplicationsReceived',
    partnerOffer: 'PartnerOffersReceived',
    contactMessage: 'ContactMessagesReceived',
  } satisfies Record<FormName, string>,
  /** Mails a request could not send at once, left to the outbox job (SES refused or was slow). */
  mailsDeferred: 'MailsDeferred',
  /** Mails the outbox gave up on after its last retry: someone did not hear from us. */
  mailsFailed: 'MailsFailed',
  remindersSent: 'RemindersSent',
  digestsSent: 'DigestsSent',
  confirmationsSent: 'ConfirmationsSent',
  followUpsSent: 'FollowUpsSent',
  monthlyStatisticsSent: 'MonthlyStatisticsSent',
  /** One per completed run of a scheduled job, dimension `job`: its absence is a job that did not run. */
  jobRan: 'JobRan',
  /** Milliseconds a scheduled job's run took, failed runs included, dimension `job`. */
  jobDuration: 'JobDuration',
} as const;
