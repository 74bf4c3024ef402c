import * as z from 'zod/mini';
import type { ApplicationStatus } from '../../../shared/application-lifecycle.ts';
import { statusLinkSentMessage } from '../../../shared/application-status.ts';
import { email, requiredText } from '../../../shared/form-fields.ts';
import { ofName } from '../../../shared/french.ts';
import type { ApplicationStatusView } from '../../../shared/staff-api.ts';
import { absoluteUrl, statusPagePath } from '../../domain/applications/status-link.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { renderStatusLink } from '../../email/templates/applicant-notices.ts';
import type { ApplicationsDeps } from './dependencies.ts';
import { mailApplicant } from './notify-applicant.ts';

type Deps = Pick<ApplicationsDeps, 'applications' | 'committees' | 'networks' | 'mail' | 'links' | 'siteUrl'>;
type ReadDeps = Pick<ApplicationsDeps, 'applications' | 'networks' | 'links'>;

const invalidLink = () =>
  new NotFoundError(
    'Ce lien de suivi n’est plus valable (il expire au bout de 60\u00a0jours) ou il est incomplet. Demandez-en un nouveau avec votre référence et votre adresse électronique.',
  );

/** What comes next, said to the SME in plain words. */
const nextFor = (status: ApplicationStatus, team: string): string => {
  switch (status) {
    case 'received':
      return `L’équipe ${team} étudie votre demande et vous contacte pour en parler avec vous.`;
    case 'qualified':
      return 'Votre projet va être inscrit à un prochain comité d’agrément, qui décide de l’accompagnement.';
    case 'scheduled':
      return 'Votre projet sera présenté au comité d’agrément à la date indiquée. Nous vous informerons de sa décision par courriel.';
    case 'info-requested':
      return `L’équipe ${team} attend quelques informations de votre part\u00a0: répondez au courriel qu’elle vous a envoyé.`;
    case 'deferred':
      return 'Votre projet sera présenté à un prochain comité d’agrément.';
    case 'approved':
      return `Votre projet est retenu\u00a0: l’équipe ${team} organise avec vous les premières missions.`;
    case 'in-progress':
      return 'L’accompagnement est en cours avec un salarié d’une entreprise partenaire.';
    case 'closed':
      return 'L’accompagnement est terminé. Merci d’avoir fait confiance au réseau.';
    case 'rejected':
    case 'ineligible':
      return `L’équipe ${team} reste à votre disposition pour vous orienter vers d’autres appuis.`;
    case 'withdrawn':
      return 'Cette demande a été retirée. Vous pouvez en déposer une nouvelle à tout moment.';
  }
};

/** The SME's status page, from its signed link only; the link names one application and expires. */
export const readApplicationStatus = async (
  deps: ReadDeps,
  token: string | undefined,
  now: Date,
): Promise<ApplicationStatusView> => {
  const reference = token ? await deps.links.verify(token, now) : undefined;
  const found = reference ? await deps.applications.get(reference) : undefined;
  const network = deps.networks.find((candidate) => candidate.id === found?.submission.network);
  if (!found || !network) throw invalidLink();
  const application = found.submission;
  return {
    reference: application.reference,
    companyName: application.data.company.name,
    network: {
      id: network.id,
      name: network.name,
      contact: { email: network.contact.email, phone: network.contact.phone },
    },
    status: application.status,
    steps: application.history.map((entry) => ({
      status: entry.to,
      at: entry.at,
      ...(entry.committee ? { committeeDate: entry.committee.date } : {}),
    })),
    next: nextFor(application.status, ofName(network.name)),
  };
};

export const statusLinkRequestSchema = z.object({
  reference: requiredText(6, 40, 'La référence'),
  email,
});

/** The answer to every request for a new link, whether or not it matched: it reveals nothing. */
export const statusLinkAnswer = statusLinkSentMessage;

/**
 * A new status link, sent only to the address the application gave, at most once an hour per
 * application (the outbox id carries the hour), whatever is asked.
 */
export const sendStatusLink = async (deps: Deps, raw: unknown, now: Date): Promise<void> => {
  const request = z.parse(statusLinkRequestSchema, raw);
  const reference = request.reference.toUpperCase();
  const found = /^ALZ-[0-9A-Z]{2,3}-\d{4}-\d{4,}$/.test(reference)
    ? await deps.applications.get(reference)
    : undefined;
  const application = found?.submission;
  const network = deps.networks.find((candidate) => candidate.id === application?.network);
  if (!application || !network) return;
  if (application.data.contact.email.toLowerCase() !== request.email.toLowerCase()) return;
  const token = await deps.links.sign(reference, now);
  const mail = renderStatusLink({
    reference,
    network,
    contact: application.data.contact,
    statusUrl: absoluteUrl(deps.siteUrl, statusPagePath(token)),
  });
  await mailApplicant(
    deps,
    network,
    application,
    `${reference}:status-link:${now.toISOString().slice(0, 13)}`,
    mail,
    now,
  );
};
