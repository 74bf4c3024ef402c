import type { FormAccepted } from '../../../shared/forms.ts';
import { partnerOfferSchema } from '../../../shared/partner-offer.ts';
import { type FieldError, fieldErrors } from '../../../shared/validation.ts';
import type { CounterRepository } from '../../db/counter-repository.ts';
import type { PartnerOfferData } from '../../db/entities/partner-offer.ts';
import type { QuarantineRepository } from '../../db/quarantine-repository.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import type { ReferenceData } from '../../domain/public-forms/submission-checks.ts';
import {
  type PartnerOfferMailModel,
  renderPartnerOfferAcknowledgement,
  renderPartnerOfferNotification,
} from '../../email/templates/partner-offer-mails.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';
import {
  companySubmissionRecord,
  locateCompanyInput,
  numberCompanySubmission,
  type SubmitOptions,
} from './company-submission.ts';
import { rejectIfAny } from './form-input.ts';
import { acknowledgeAndNotify, type MailReport, type SubmissionMailDeps } from './send-submission-mails.ts';

export interface SubmitPartnerOfferDeps {
  reference: Omit<ReferenceData, 'naf'>;
  counters: CounterRepository;
  people: PersonKeys;
  partnerOffers: SubmissionRepository<PartnerOfferData>;
  quarantine: Pick<QuarantineRepository, 'countHeld'>;
  mail: SubmissionMailDeps;
  siteUrl: string;
}

const company = partnerOfferSchema.shape.company.shape;

/** A large company offers its employees' skills: routed by its commune to a network, like an application. */
export const submitPartnerOffer = async (
  deps: SubmitPartnerOfferDeps,
  raw: unknown,
  now: Date,
  options: SubmitOptions = {},
): Promise<FormAccepted & { mails: MailReport }> => {
  const parsed = partnerOfferSchema.safeParse(raw);
  const errors: (FieldError | undefined)[] = parsed.success ? [] : fieldErrors(parsed.error);

  const location = locateCompanyInput(deps.reference, company, raw, errors);

  rejectIfAny(partnerOfferSchema, errors);
  if (!parsed.success || !location) throw new Error('unreachable: a valid offer has a location');
  const { company: companyInput, contact, offer } = parsed.data;
  const { commune, network } = location;
  const [numbered, quarantined, standings] = await Promise.all([
    numberCompanySubmission(
      { counters: deps.counters, people: deps.people },
      'partnerOffer',
      location,
      now,
      contact.email,
      options.reference,
    ),
    deps.quarantine.countHeld(network.id, now),
    deps.mail.recipients.standings([contact.email, ...network.staffEmails]),
  ]);
  const record = companySubmissionRecord(
    numbered,
    location,
    now,
    (place, consentedAt) => ({ company: { ...companyInput, ...place }, contact, offer, consentedAt }),
    options.origin,
  );
  const { reference, createdAt } = record;

  const model: PartnerOfferMailModel = {
    reference,
    receivedAt: createdAt,
    network,
    company: { ...companyInput, communeName: commune.name, communeCode: commune.code },
    contact,
    offer,
    siteUrl: deps.siteUrl,
  };
  const mails = await acknowledgeAndNotify(
    deps.mail,
    {
      reference,
      correspondent: network,
      requesterEmail: contact.email,
      acknowledgement: renderPartnerOfferAcknowledgement(model),
      notification: renderPartnerOfferNotification({ ...model, quarantined }),
    },
    now,
    {
      awaits: deps.partnerOffers.keyOf(reference),
      alongside: deps.partnerOffers.create(record),
      standings: Promise.resolve(standings),
      deferRecording: options.deferRecording === true,
    },
  );
  return { reference, network: { id: network.id, name: network.name }, mails };
};
