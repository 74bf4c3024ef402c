import type { National, Network } from '../../../shared/networks.ts';
import type { CommitteeRepository } from '../../db/committee-repository.ts';
import type { CompetenceLabels } from '../../db/directory-repository.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { QuarantineRepository } from '../../db/quarantine-repository.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import type { SubmissionMailDeps } from '../public-forms/send-submission-mails.ts';
import type { StatusLinks } from './status-links.ts';

/**
 * What the back office's use cases work with, built once per cold start (functions/wiring/staff.ts):
 * reading and noting need the table only; what tells the SME needs the outbox, SES and the link signer
 * too, which the other functions then do not bundle.
 */
export interface StaffReadDeps {
  applications: SubmissionRepository<ApplicationData>;
  committees: CommitteeRepository;
  competences: CompetenceLabels;
  quarantine: Pick<QuarantineRepository, 'countHeld'>;
  networks: Network[];
  national: National;
}

export interface ApplicationsDeps extends StaffReadDeps {
  mail: SubmissionMailDeps;
  links: StatusLinks;
  siteUrl: string;
}
