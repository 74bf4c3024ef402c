import { mailSender, type Network } from '../../../shared/networks.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { StoredSubmission } from '../../db/entities/submission.ts';
import { absoluteUrl, statusPagePath } from '../../domain/applications/status-link.ts';
import { noticeStatuses, renderApplicantNotice } from '../../email/templates/applicant-notices.ts';
import type { RenderedMail } from '../../email/templates/html.ts';
import { queueAndSend } from '../outbox/deliver-outbox.ts';
import type { ApplicationsDeps } from './dependencies.ts';

type Deps = Pick<ApplicationsDeps, 'applications' | 'committees' | 'networks' | 'mail' | 'links' | 'siteUrl'>;

/** Queues and tries to send one mail to the SME, from its network, answerable by the network's staff. */
export const mailApplicant = (
  deps: Pick<ApplicationsDeps, 'mail'>,
  network: Network,
  application: StoredSubmission<ApplicationData>,
  id: string,
  mail: RenderedMail,
  now: Date,
) =>
  queueAndSend(
    deps.mail,
    network.id,
    [
      {
        id,
        mail: {
          ...mail,
          from: mailSender(network, deps.mail.senderDomain),
          to: [application.data.contact.email],
          replyTo: network.staffEmails.slice(0, 5),
        },
      },
    ],
    now,
  );

export const notifies = (status: StoredSubmission<ApplicationData>['status']) =>
  noticeStatuses.includes(status);

/**
 * Queues the SME's mail for the move that made `version`, under an id of its own (queuing twice
 * leaves one mail), tries to send it, then clears the owed-mail mark. Called right after the move,
 * and by the outbox run for a mark a crash left behind.
 */
export const notifyApplicant = async (
  deps: Deps,
  application: StoredSubmission<ApplicationData>,
  version: number,
  now: Date,
): Promise<void> => {
  // The line the move that made `version` appended, counted from the end: records kept from before
  // versions existed have fewer lines than their version.
  const entry = application.history[application.history.length - 1 - (application.version - version)];
  const network = deps.networks.find((candidate) => candidate.id === application.network);
  // An anonymised application has no address left to write to.
  if (entry && network && notifies(entry.to) && !application.anonymisation) {
    const committee = entry.committee ? await deps.committees.get(entry.committee.id) : undefined;
    const token = await deps.links.sign(application.reference, now);
    const mail = renderApplicantNotice({
      reference: application.reference,
      network,
      contact: application.data.contact,
      companyName: application.data.company.name,
      projectTitle: application.data.project.title,
      to: entry.to,
      reason: entry.reason,
      committee: committee ?? entry.committee,
      orientation: entry.orientation,
      statusUrl: absoluteUrl(deps.siteUrl, statusPagePath(token)),
    });
    await mailApplicant(deps, network, application, `${application.reference}:notice:v${version}`, mail, now);
  }
  await deps.applications.clearNotice(application.reference, version);
};

/** How long a mark may wait before the outbox run takes it as left behind by a crash. */
const graceMs = 2 * 60_000;

/** The SME mails owed by moves whose function died before queuing them. */
export const sendOwedNotices = async (deps: Deps, now: Date): Promise<number> => {
  const owed = await deps.applications.listNoticesDue(new Date(now.getTime() - graceMs), 25);
  for (const { reference, version } of owed) {
    const found = await deps.applications.get(reference);
    if (found) await notifyApplicant(deps, found.submission, version, now);
  }
  return owed.length;
};
