import { contactMessageSchema } from '../../../shared/contact-message.ts';
import { parisYear } from '../../../shared/dates.ts';
import type { FormAccepted } from '../../../shared/forms.ts';
import { correspondentOf } from '../../../shared/networks.ts';
import { type FieldError, fieldErrors } from '../../../shared/validation.ts';
import type { CounterRepository } from '../../db/counter-repository.ts';
import type { ContactMessageData } from '../../db/entities/contact-message.ts';
import { nationalNetwork } from '../../db/entities/submission.ts';
import type { QuarantineRepository } from '../../db/quarantine-repository.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import { publicFormOrigin, receivedState } from '../../domain/applications/lifecycle.ts';
import { formatReference, nationalScope, sequenceOf } from '../../domain/public-forms/reference.ts';
import {
  type ContactRoute,
  type ReferenceData,
  routeContactMessage,
} from '../../domain/public-forms/submission-checks.ts';
import {
  type ContactMessageMailModel,
  renderContactAcknowledgement,
  renderContactNotification,
} from '../../email/templates/contact-message-mails.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';
import type { SubmitOptions } from './company-submission.ts';
import { rejectIfAny, wellFormed } from './form-input.ts';
import { acknowledgeAndNotify, type MailReport, type SubmissionMailDeps } from './send-submission-mails.ts';

export interface SubmitContactMessageDeps {
  reference: Pick<ReferenceData, 'postcodes' | 'networks' | 'national'>;
  counters: CounterRepository;
  people: PersonKeys;
  contactMessages: SubmissionRepository<ContactMessageData>;
  quarantine: Pick<QuarantineRepository, 'countHeld'>;
  mail: SubmissionMailDeps;
  siteUrl: string;
}

const shape = contactMessageSchema.shape;

/**
 * A question for Alizé: to the network chosen, else to the network of the postcode, else to the
 * national coordination. The reference's scope is the postcode's département, `FR` without one.
 */
export const submitContactMessage = async (
  deps: SubmitContactMessageDeps,
  raw: unknown,
  now: Date,
  options: Pick<SubmitOptions, 'origin' | 'reference' | 'deferRecording'> = {},
): Promise<FormAccepted & { mails: MailReport }> => {
  const parsed = contactMessageSchema.safeParse(raw);
  const errors: (FieldError | undefined)[] = parsed.success ? [] : fieldErrors(parsed.error);

  const network = wellFormed(shape.network, raw, 'network');
  const postcode = wellFormed(shape.postcode, raw, 'postcode');
  let route: ContactRoute | undefined;
  const routed = routeContactMessage(
    deps.reference,
    { network, postcode },
    { network: 'network', postcode: 'postcode' },
  );
  if ('errors' in routed) errors.push(...routed.errors);
  else route = routed.route;

  rejectIfAny(contactMessageSchema, errors);
  if (!parsed.success || !route) throw new Error('unreachable: a valid message has a route');
  const { consent: _consent, comment: _comment, formStartedAt: _startedAt, ...message } = parsed.data;
  const target = route.network;

  const scope = route.departement ?? nationalScope;
  const year = parisYear(now);
  const owner = target?.id ?? nationalNetwork;
  const correspondent = correspondentOf(deps.reference.networks, deps.reference.national, target?.id);
  const [sequence, personKey, quarantined, standings] = await Promise.all([
    options.reference ? undefined : deps.counters.next(sequenceOf.contactMessage, scope, year),
    deps.people.of(message.email),
    deps.quarantine.countHeld(owner, now),
    deps.mail.recipients.standings([message.email, ...correspondent.staffEmails]),
  ]);
  const reference = options.reference ?? formatReference('contactMessage', scope, year, sequence as number);
  const createdAt = now.toISOString();
  const record = {
    reference,
    network: owner,
    ...receivedState(createdAt, options.origin ?? publicFormOrigin),
    personKey,
    data: {
      ...message,
      ...(route.departement ? { departement: route.departement } : {}),
      consentedAt: createdAt,
    },
  };

  const model: ContactMessageMailModel = {
    reference,
    receivedAt: createdAt,
    answeredBy: { ...correspondent, national: !target },
    message,
    siteUrl: deps.siteUrl,
  };
  const mails = await acknowledgeAndNotify(
    deps.mail,
    {
      reference,
      correspondent,
      requesterEmail: message.email,
      acknowledgement: renderContactAcknowledgement(model),
      notification: renderContactNotification({ ...model, quarantined }),
    },
    now,
    {
      awaits: deps.contactMessages.keyOf(reference),
      alongside: deps.contactMessages.create(record),
      standings: Promise.resolve(standings),
      deferRecording: options.deferRecording === true,
    },
  );
  return { reference, network: target ? { id: target.id, name: target.name } : null, mails };
};
