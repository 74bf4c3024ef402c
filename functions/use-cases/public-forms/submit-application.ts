import { applicationSchema } from '../../../shared/application.ts';
import type { FormAccepted } from '../../../shared/forms.ts';
import { type FieldError, fieldErrors } from '../../../shared/validation.ts';
import type { CounterRepository } from '../../db/counter-repository.ts';
import type { CompetenceRepository } from '../../db/directory-repository.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { QuarantineRepository } from '../../db/quarantine-repository.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import { absoluteUrl, applicationPagePath, statusPagePath } from '../../domain/applications/status-link.ts';
import {
  checkCompetences,
  checkNafCode,
  type ReferenceData,
} from '../../domain/public-forms/submission-checks.ts';
import {
  type ApplicationMailModel,
  renderApplicationAcknowledgement,
  renderApplicationNotification,
} from '../../email/templates/application-mails.ts';
import type { StatusLinks } from '../applications/status-links.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';
import {
  companySubmissionRecord,
  locateCompanyInput,
  numberCompanySubmission,
  type SubmitOptions,
} from './company-submission.ts';
import { rejectIfAny, wellFormed } from './form-input.ts';
import { acknowledgeAndNotify, type MailReport, type SubmissionMailDeps } from './send-submission-mails.ts';

export interface SubmitApplicationDeps {
  reference: ReferenceData;
  competences: Pick<CompetenceRepository, 'listByNetwork'>;
  counters: CounterRepository;
  people: PersonKeys;
  applications: SubmissionRepository<ApplicationData>;
  quarantine: Pick<QuarantineRepository, 'countHeld'>;
  mail: SubmissionMailDeps;
  links: Pick<StatusLinks, 'sign'>;
  siteUrl: string;
}

const company = applicationSchema.shape.company.shape;
const project = applicationSchema.shape.project.shape;

/**
 * An SME's application: every rule checked before the first write (invalid input stores nothing),
 * then a reference, the application and its audit line, and two mails (acknowledgement, staff), in
 * as few round trips as that order allows (test/integration/request-io.test.ts counts them).
 */
export const submitApplication = async (
  deps: SubmitApplicationDeps,
  raw: unknown,
  now: Date,
  options: SubmitOptions = {},
): Promise<FormAccepted & { mails: MailReport }> => {
  const parsed = applicationSchema.safeParse(raw);
  const errors: (FieldError | undefined)[] = parsed.success ? [] : fieldErrors(parsed.error);

  const nafCode = parsed.success
    ? parsed.data.company.nafCode
    : wellFormed(company.nafCode, raw, 'company.nafCode');
  errors.push(checkNafCode(deps.reference.naf, 'company.nafCode', nafCode));

  const location = locateCompanyInput(deps.reference, company, raw, errors);

  const competenceIds = wellFormed(project.competences, raw, 'project.competences');
  let catalogue = location ? await deps.competences.listByNetwork(location.network.id) : [];
  if (location && competenceIds?.some((id) => !catalogue.some((competence) => competence.id === id))) {
    // The copy may be a minute old: read it again before refusing a competence it does not know.
    catalogue = await deps.competences.listByNetwork(location.network.id, { fresh: true });
  }
  if (location && competenceIds) {
    const offered = new Set(catalogue.map((competence) => competence.id));
    errors.push(checkCompetences('project.competences', competenceIds, offered, location.network));
  }

  if (location && options.mayRecordIn && !options.mayRecordIn(location.network.id)) {
    errors.push({
      field: 'company.postcode',
      message: `Cette commune relève de ${location.network.name}\u00a0: c’est son équipe qui enregistre la candidature.`,
    });
  }
  rejectIfAny(applicationSchema, errors);
  if (!parsed.success || !location) throw new Error('unreachable: a valid application has a location');
  const { company: companyInput, contact, project: projectInput } = parsed.data;
  const { commune, network } = location;
  // What the record and the mails need, side by side: the number, the waiting quarantine, and whether
  // each recipient may be written to.
  const [numbered, quarantined, standings] = await Promise.all([
    numberCompanySubmission(
      { counters: deps.counters, people: deps.people },
      'application',
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
    (place, consentedAt) => ({
      company: { ...companyInput, ...place },
      contact,
      project: projectInput,
      consentedAt,
    }),
    options.origin,
  );
  const { reference, createdAt } = record;

  const token = await deps.links.sign(reference, now);
  const labels = new Map(catalogue.map((competence) => [competence.id, competence.label]));
  const model: ApplicationMailModel = {
    reference,
    receivedAt: createdAt,
    network,
    company: {
      ...companyInput,
      nafLabel: companyInput.nafCode ? deps.reference.naf.get(companyInput.nafCode) : undefined,
      communeName: commune.name,
      communeCode: commune.code,
    },
    contact,
    project: {
      ...projectInput,
      competences: projectInput.competences.map((id) => ({ id, label: labels.get(id) ?? id })),
    },
    siteUrl: deps.siteUrl,
    statusUrl: absoluteUrl(deps.siteUrl, statusPagePath(token)),
    backOfficeUrl: absoluteUrl(deps.siteUrl, applicationPagePath(reference)),
    recordedBy: options.origin?.source === 'public-form' ? undefined : options.origin?.actor.name,
  };
  const mails = await acknowledgeAndNotify(
    deps.mail,
    {
      reference,
      correspondent: network,
      requesterEmail: contact.email,
      acknowledgement: renderApplicationAcknowledgement(model),
      notification: renderApplicationNotification({ ...model, quarantined }),
    },
    now,
    // The record and its mails in one round trip; the mails go only once the record is there.
    {
      awaits: deps.applications.keyOf(reference),
      alongside: deps.applications.create(record),
      standings: Promise.resolve(standings),
      deferRecording: options.deferRecording === true,
    },
  );
  return { reference, network: { id: network.id, name: network.name }, mails };
};
