/** How long the SME's status link stays valid; a new one can be asked for from the status page. */
export const statusLinkDays = 60;

/** Where a staff member opens an application, and where an SME follows its own. */
export const applicationPagePath = (reference: string) =>
  `/espace-equipe/candidature/?ref=${encodeURIComponent(reference)}`;
export const statusPagePath = (token: string) => `/suivi/?t=${encodeURIComponent(token)}`;

export const absoluteUrl = (siteUrl: string, path: string) => `${siteUrl.replace(/\/$/, '')}${path}`;
