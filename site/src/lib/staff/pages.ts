import { staffPages } from '../../../../shared/staff-pages.ts';
import type { NavItem } from '../site.ts';

// The pages' paths live in shared/, where the functions' mails link to them too.
export * from '../../../../shared/staff-pages.ts';

export const staffNav: readonly NavItem[] = [
  { href: staffPages.inbox, label: 'Candidatures' },
  { href: staffPages.newApplication, label: 'Nouvelle candidature' },
  { href: staffPages.committees, label: 'Comités' },
  { href: staffPages.quarantine, label: 'Quarantaine' },
  { href: staffPages.partners, label: 'Partenaires' },
  { href: staffPages.catalogue, label: 'Catalogue' },
  { href: staffPages.partnerOffers, label: 'Propositions' },
  { href: staffPages.person, label: 'Données d’une personne' },
  { href: staffPages.suppressions, label: 'Adresses bloquées' },
  { href: staffPages.statistics, label: 'Statistiques' },
];
