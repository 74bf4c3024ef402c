/**
 * An application's life, as staff and the SME read it. The allowed moves between these states are
 * one table in the domain (functions/domain/applications/lifecycle.ts).
 */
export const applicationStatuses = [
  'received',
  'qualified',
  'ineligible',
  'scheduled',
  'info-requested',
  'deferred',
  'approved',
  'rejected',
  'in-progress',
  'closed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** What staff read in the inbox and on the application page. */
export const statusLabels: Record<ApplicationStatus, string> = {
  received: 'Reçue',
  qualified: 'Qualifiée',
  ineligible: 'Non éligible',
  scheduled: 'Inscrite en comité',
  'info-requested': 'Informations demandées',
  deferred: 'Ajournée',
  approved: 'Retenue',
  rejected: 'Non retenue',
  'in-progress': 'Accompagnement en cours',
  closed: 'Clôturée',
  withdrawn: 'Retirée',
};

/** Who the application waits on, so the inbox says at a glance « à vous » or « à l’entreprise ». */
export const waitingOn: Record<ApplicationStatus, 'staff' | 'sme' | 'committee' | 'missions' | null> = {
  received: 'staff',
  qualified: 'staff',
  ineligible: null,
  scheduled: 'committee',
  'info-requested': 'sme',
  deferred: 'staff',
  approved: 'missions',
  rejected: null,
  'in-progress': 'missions',
  closed: null,
  withdrawn: null,
};

/** Where an application came from: the operator also meets SMEs itself. */
export const applicationSources = [
  'public-form',
  'met-by-staff',
  'partner-referral',
  'other-programme',
  'import',
] as const;
export type ApplicationSource = (typeof applicationSources)[number];
export const sourceLabels: Record<ApplicationSource, string> = {
  'public-form': 'Formulaire du site',
  'met-by-staff': 'Rencontrée par l’équipe',
  'partner-referral': 'Orientée par une entreprise partenaire',
  'other-programme': 'Orientée par un autre dispositif',
  import: 'Import de l’historique',
};
/** The sources staff may choose when they record an application: neither the site's nor the history import's. */
export const recordedSources = applicationSources.filter(
  (source) => source !== 'public-form' && source !== 'import',
);

/** Where an ineligible SME can be sent, so that nobody leaves empty-handed. */
export const orientations = [
  'other-programme',
  'loan-network',
  'chamber-of-commerce',
  'chamber-of-trades',
  'public-bank',
  'other',
] as const;
export type Orientation = (typeof orientations)[number];
export const orientationLabels: Record<Orientation, string> = {
  'other-programme': 'Un autre dispositif d’accompagnement',
  'loan-network': 'Un réseau de prêt d’honneur',
  'chamber-of-commerce': 'La chambre de commerce et d’industrie',
  'chamber-of-trades': 'La chambre de métiers et de l’artisanat',
  'public-bank': 'Bpifrance',
  other: 'Autre (précisé dans le motif)',
};

/** The decisions a committee can take on an application on its agenda. */
export const committeeDecisions = ['approved', 'rejected', 'deferred', 'info-requested'] as const;
export type CommitteeDecision = (typeof committeeDecisions)[number];

/**
 * What the status page says once a new link is asked for, whether or not the reference and the address
 * match (nothing is revealed), and whether or not the hour's one link already left: the API's answer
 * and the page's text alike.
 */
export const statusLinkSentMessage =
  'Si cette référence et cette adresse correspondent à une candidature, un nouveau lien vient d’être envoyé à cette adresse. Un seul lien part par heure\u00a0: s’il n’arrive pas, regardez dans les courriels indésirables, ou utilisez le dernier reçu.';
