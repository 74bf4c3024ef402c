/**
 * What every page of the site shows and says alike, whether Astro builds it or a function answers it
 * (the no-JavaScript answer pages): the navigation, the accessibility status the law asks every page
 * to show, and the programme's figures, worded once so the site and the mails never disagree.
 */
export interface NavItem {
  readonly href: `/${string}`;
  readonly label: string;
}

export const siteName = 'Alizé';
export const siteTagline = 'Des compétences de grandes entreprises pour les PME';

export const mainNav: readonly NavItem[] = [
  { href: '/', label: 'Accueil' },
  { href: '/comment-ca-marche/', label: 'Comment ça marche' },
  { href: '/catalogue/', label: 'Catalogue des compétences' },
  { href: '/reseaux/', label: 'Les réseaux' },
  { href: '/candidater/', label: 'Candidater' },
  { href: '/devenir-partenaire/', label: 'Devenir partenaire' },
  { href: '/contact/', label: 'Contact' },
];

/**
 * RGAA: every page shows the compliance status, and without an audit giving a measured rate it can
 * only be « non conforme », however carefully the site was built. Change it when an audit is published.
 */
export const accessibilityStatus = 'non conforme';

export const footerNav: readonly NavItem[] = [
  { href: '/mentions-legales/', label: 'Mentions légales' },
  { href: '/donnees-personnelles/', label: 'Données personnelles' },
  { href: '/accessibilite/', label: `Accessibilité\u00a0: ${accessibilityStatus}` },
  { href: '/plan-du-site/', label: 'Plan du site' },
];

export const footerText =
  'Alizé est un programme national de solidarité interentreprises, piloté par l’association ASTREES et animé sur le terrain par des réseaux locaux.';

/** Figures quoted on several pages, from the programme's presentation in Indre. */
export const keyFigures = {
  networks: 31,
  networksInMetropolitanFrance: 29,
  averageMissionDays: 3,
  spreadMonths: '12 à 18',
  competencesInIndre: 32,
} as const;

/**
 * The one claim about missions, wherever it is made (site, answer pages, mails): about three days
 * on average, often in half-days, spread over 12 to 18 months. Without its article, so that it reads
 * after « des », « de » or « au fil de ».
 */
export const missionsClaim = `missions courtes d’environ ${keyFigures.averageMissionDays} jours en moyenne, souvent par demi-journées, étalées sur ${keyFigures.spreadMonths} mois`;

/**
 * The SME's status page: the link a status mail carries is `/suivi/?t=<token>`. Like the back office
 * (shared/staff.ts `backOfficePath`), it is never indexed nor listed in the sitemap.
 */
export const statusPagePath = '/suivi/';

/**
 * The outcome forms of a mission (`/bilan/?t=<token>`), from the signed link of a mail: for the
 * holder of the link only, never indexed nor listed, like the status page.
 */
export const outcomeFormPagePath = '/bilan/';

/**
 * « Has the half-day taken place? » (`/demi-journee/?t=<token>&reponse=oui|non`), from the mail sent
 * the day after it: for the holder of the link only, never indexed nor listed, like the status page.
 */
export const halfDayAnswerPagePath = '/demi-journee/';

/**
 * A person's mail preferences (`/preferences/?t=<token>`), from the footer of a digest or reminder:
 * for the holder of the link only, never indexed nor listed, like the status page.
 */
export const mailPreferencesPagePath = '/preferences/';
