/**
 * Everything the layout needs to know about the site, in one place: the main navigation,
 * the footer links and the accessibility status that the law asks every page to show.
 */
export interface NavItem {
  readonly href: `/${string}`;
  readonly label: string;
}

export const siteName = 'Alizé';

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

/** Figures quoted on several pages, from the programme's presentation in Indre. */
export const keyFigures = {
  networks: 31,
  networksInMetropolitanFrance: 29,
  averageMissionDays: 3,
  spreadMonths: '12 à 18',
  competencesInIndre: 32,
} as const;

/** `/catalogue/` and `/catalogue` are the same page; `/` stays `/`. */
export const isCurrentPage = (href: string, pathname: string): boolean => {
  const trim = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
  return trim(href) === trim(pathname);
};
