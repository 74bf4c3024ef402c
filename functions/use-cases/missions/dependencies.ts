import type { Network } from '../../../shared/networks.ts';
import type { DirectoryRepository } from '../../db/directory-repository.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { MissionRepository } from '../../db/mission-repository.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import type { DeliverOutboxDeps } from '../outbox/deliver-outbox.ts';
import type { MissionLinks } from './mission-links.ts';

/** What the missions' use cases read and write (functions/wiring/missions.ts builds it once). */
export interface MissionReadDeps {
  missions: MissionRepository;
  /** The application's own moves (in-progress, closed) go through its repository's versioned write. */
  applications: Pick<SubmissionRepository<ApplicationData>, 'move'>;
  directory: Pick<DirectoryRepository, 'partners' | 'volunteers' | 'competences'>;
  networks: readonly Network[];
}

/** And what tells the volunteer and the SME: the outbox and SES, the signed links, the site's address. */
export interface MissionsDeps extends MissionReadDeps {
  mail: DeliverOutboxDeps;
  links: MissionLinks;
  siteUrl: string;
}
