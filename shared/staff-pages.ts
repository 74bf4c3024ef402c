import type { backOfficePath } from './staff.ts';

/**
 * The back office's pages, each static: what a page shows comes from its query string
 * (`?ref=ALZ-36-2026-0001`, `?id=2027-03-15-indre`), read by its script.
 */
// Typed as shared/staff.ts's constant, not imported: that module brings zod to the browser.
export const staffHome: typeof backOfficePath = '/espace-equipe/';

export const staffPages = {
  inbox: '/espace-equipe/candidatures/',
  application: '/espace-equipe/candidature/',
  newApplication: '/espace-equipe/nouvelle-candidature/',
  committees: '/espace-equipe/comites/',
  committee: '/espace-equipe/comite/',
  quarantine: '/espace-equipe/quarantaine/',
  partners: '/espace-equipe/partenaires/',
  partner: '/espace-equipe/partenaire/',
  catalogue: '/espace-equipe/catalogue/',
  partnerOffers: '/espace-equipe/propositions/',
  person: '/espace-equipe/personne/',
  mission: '/espace-equipe/mission/',
  suppressions: '/espace-equipe/adresses-bloquees/',
  statistics: '/espace-equipe/statistiques/',
} as const satisfies Record<string, `${typeof backOfficePath}${string}/`>;

export const applicationHref = (reference: string): string =>
  `${staffPages.application}?ref=${encodeURIComponent(reference)}`;

export const committeeHref = (id: string): string => `${staffPages.committee}?id=${encodeURIComponent(id)}`;

/** A partner's page; national staff name its network (`&reseau=indre`), since they read every one. */
export const partnerHref = (id: string, network?: string): string =>
  `${staffPages.partner}?id=${encodeURIComponent(id)}${network ? `&reseau=${encodeURIComponent(network)}` : ''}`;
export const missionHref = (id: string): string => `${staffPages.mission}?id=${encodeURIComponent(id)}`;
