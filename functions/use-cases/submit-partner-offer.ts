import { parisYear } from '../../shared/dates.ts';
import type { FormAccepted } from '../../shared/forms.ts';
import { partnerOfferSchema } from '../../shared/partner-offer.ts';
import { type FieldError, fieldErrors } from '../../shared/validation.ts';
import type { CounterRepository } from '../db/counter-repository.ts';
import type { PartnerOfferData } from '../db/entities/partner-offer.ts';
import type { SubmissionRepository } from '../db/submission-repository.ts';
import { formatReference } from '../domain/reference.ts';
import { type Location, locateCompany, type ReferenceData } from '../domain/submission-checks.ts';
import {
  type PartnerOfferMailModel,
  renderPartnerOfferAcknowledgement,
  renderPartnerOfferNotification,
} from '../email/templates/partner-offer-mails.ts';
import { rejectIfAny, wellFormed } from './form-input.ts';
import { acknowledgeAndNotify, type MailReport, type SubmissionMailDeps } from './send-submission-mails.ts';

export interface SubmitPartnerOfferDeps {
  reference: ReferenceData;
  counters: CounterRepository;
  partnerOffers: SubmissionRepository<PartnerOfferData>;
  mail: SubmissionMailDeps;
  siteUrl: string;
}

const company = partnerOfferSchema.shape.company.shape;

/** A large company offers its employees' skills: routed by its commune to a network, like an application. */
export const submitPartnerOffer = async (
  deps: SubmitPartnerOfferDeps,
  raw: unknown,
  now: Date,
): Promise<FormAccepted & { mails: MailReport }> => {
  const parsed = partnerOfferSchema.safeParse(raw);
  const errors: (FieldError | undefined)[] = parsed.success ? [] : fieldErrors(parsed.error);

  const postcode = wellFormed(company.postcode, raw, 'company.postcode');
  const city = wellFormed(company.city, raw, 'company.city');
  let location: Location | undefined;
  if (postcode && city) {
    const located = locateCompany(
      deps.reference,
      { postcode, city },
      { postcode: 'company.postcode', city: 'company.city' },
    );
    if ('error' in located) errors.push(located.error);
    else location = located.location;
  }

  rejectIfAny(partnerOfferSchema, errors);
  if (!parsed.success || !location) throw new Error('unreachable: a valid offer has a location');
  const { company: companyInput, contact, offer } = parsed.data;
  const { commune, network } = location;

  const year = parisYear(now);
  const sequence = await deps.counters.next('partner-offer', commune.departement, year);
  const reference = formatReference('partnerOffer', commune.departement, year, sequence);
  const createdAt = now.toISOString();
  await deps.partnerOffers.create(
    {
      reference,
      network: network.id,
      status: 'received',
      createdAt,
      data: {
        company: {
          ...companyInput,
          communeCode: commune.code,
          communeName: commune.name,
          departement: commune.departement,
        },
        contact,
        offer,
        consentedAt: createdAt,
      },
    },
    'public-form',
  );

  const model: PartnerOfferMailModel = {
    reference,
    receivedAt: createdAt,
    network: { name: network.name, operator: network.operator },
    company: { ...companyInput, communeName: commune.name, communeCode: commune.code },
    contact,
    offer,
    siteUrl: deps.siteUrl,
  };
  const mails = await acknowledgeAndNotify(
    deps.mail,
    {
      reference,
      network: network.id,
      requesterEmail: contact.email,
      staffEmails: network.staffEmails,
      acknowledgement: renderPartnerOfferAcknowledgement(model),
      notification: renderPartnerOfferNotification(model),
    },
    now,
  );
  return { reference, network: { id: network.id, name: network.name }, mails };
};
