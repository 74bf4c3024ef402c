import type { Competence } from './catalogue.ts';
import type { CompetenceRecord, PartnerInput, PartnerRecord } from './partners.ts';
import { toPublicCompetences } from './public-competences.ts';

/**
 * Demo data for the local cloud: the catalogue an Indre network could show, offered by
 * fictional partner companies (any likeness to a real company is unintended), and a smaller
 * one for a second network, so that every screen is multi-network from the start. The SIRET numbers
 * are well-formed but made up (SIREN 9xx xxx xxx), the contacts' mailboxes on `example.com`.
 */
type DemoPartner = Omit<PartnerInput, 'contact'> & { contact: Omit<PartnerInput['contact'], 'phone'> };

const indrePartners = {
  aero: {
    name: 'Berry Aéro Composants',
    siret: '90100001000107',
    sector: 'Construction aéronautique',
    contact: {
      firstName: 'Sophie',
      lastName: 'Marchand',
      role: 'Responsable RSE',
      email: 'sophie.marchand@berryaerocomposants.example.com',
    },
  },
  pharma: {
    name: 'Laboratoires du Val d’Indre',
    siret: '90200002000104',
    sector: 'Industrie pharmaceutique',
    contact: {
      firstName: 'Julien',
      lastName: 'Perrot',
      role: 'Directeur des ressources humaines',
      email: 'julien.perrot@laboratoiresduvaldindre.example.com',
    },
  },
  banque: {
    name: 'Banque Coopérative du Centre',
    siret: '90300003000101',
    sector: 'Banque',
    contact: {
      firstName: 'Hélène',
      lastName: 'Dubois',
      role: 'Chargée de mécénat de compétences',
      email: 'helene.dubois@banquecooperativeducentr.example.com',
    },
  },
  logistique: {
    name: 'Boischaut Logistique',
    siret: '90400004000108',
    sector: 'Transport et entreposage',
    contact: {
      firstName: 'Marc',
      lastName: 'Lefèvre',
      role: 'Responsable RH',
      email: 'marc.lefevre@boischautlogistique.example.com',
    },
  },
  energie: {
    name: 'Réseaux Énergie Centre',
    siret: '90500005000104',
    sector: 'Distribution d’électricité',
    contact: {
      firstName: 'Isabelle',
      lastName: 'Moreau',
      role: 'Déléguée RSE',
      email: 'isabelle.moreau@reseauxenergiecentre.example.com',
    },
  },
  agro: {
    name: 'Brenne Agroalimentaire',
    siret: '90600006000101',
    sector: 'Industrie agroalimentaire',
    contact: {
      firstName: 'Thomas',
      lastName: 'Girault',
      role: 'Responsable des ressources humaines',
      email: 'thomas.girault@brenneagroalimentaire.example.com',
    },
  },
  assurance: {
    name: 'Mutuelle des Pays de l’Indre',
    siret: '90700007000108',
    sector: 'Assurance',
    contact: {
      firstName: 'Céline',
      lastName: 'Roux',
      role: 'Responsable RSE',
      email: 'celine.roux@mutuelledespaysdelindre.example.com',
    },
  },
  telecom: {
    name: 'Centre Télécom Services',
    siret: '90800008000105',
    sector: 'Télécommunications',
    contact: {
      firstName: 'Nicolas',
      lastName: 'Bertin',
      role: 'Chargé de l’engagement sociétal',
      email: 'nicolas.bertin@centretelecomservices.example.com',
    },
  },
} as const satisfies Record<string, DemoPartner>;

/** A competence as written here: its partners by their key in the network's list above. */
type Draft = Omit<Competence, 'network'>;

const indre: Draft[] = [
  // Qualité
  {
    id: 'indre-iso-9001',
    category: 'quality',
    label: 'Préparer une certification ISO 9001',
    description:
      'Cartographier les processus, rédiger le manuel qualité et préparer l’audit de certification.',
    partners: ['aero', 'pharma'],
  },
  {
    id: 'indre-audit-interne',
    category: 'quality',
    label: 'Conduire un audit interne',
    description: 'Construire une grille d’audit, mener les entretiens et suivre les actions correctives.',
    partners: ['pharma'],
  },
  {
    id: 'indre-resolution-problemes',
    category: 'quality',
    label: 'Résoudre un problème qualité récurrent',
    description: 'Méthodes 8D et Ishikawa appliquées à un défaut qui revient chez vos clients.',
    partners: ['aero'],
  },
  {
    id: 'indre-satisfaction-client',
    category: 'quality',
    label: 'Mesurer la satisfaction client',
    description: 'Concevoir une enquête simple et transformer les réponses en plan d’amélioration.',
    partners: ['assurance'],
  },
  // Production et logistique
  {
    id: 'indre-lean',
    category: 'production',
    label: 'Organiser un atelier en lean',
    description: 'Réduire les gaspillages, réimplanter un poste, mettre en place le 5S.',
    partners: ['aero', 'agro'],
  },
  {
    id: 'indre-gestion-stocks',
    category: 'production',
    label: 'Maîtriser ses stocks',
    description:
      'Choisir les bons indicateurs, fixer les seuils de réapprovisionnement, fiabiliser l’inventaire.',
    partners: ['logistique'],
  },
  {
    id: 'indre-maintenance',
    category: 'production',
    label: 'Mettre en place la maintenance préventive',
    description: 'Planifier l’entretien des machines pour éviter les arrêts imprévus.',
    partners: ['energie'],
  },
  {
    id: 'indre-transport',
    category: 'production',
    label: 'Optimiser ses transports et livraisons',
    description: 'Tournées, choix des transporteurs, emballages\u00a0: réduire les coûts et les délais.',
    partners: ['logistique'],
  },
  // Ressources humaines
  {
    id: 'indre-recrutement',
    category: 'hr',
    label: 'Recruter son premier salarié',
    description: 'Fiche de poste, diffusion de l’offre, entretiens et intégration.',
    partners: ['banque', 'assurance'],
  },
  {
    id: 'indre-entretiens-annuels',
    category: 'hr',
    label: 'Mettre en place les entretiens professionnels',
    description: 'Supports, calendrier et obligations légales des entretiens professionnels.',
    partners: ['assurance'],
  },
  {
    id: 'indre-plan-formation',
    category: 'hr',
    label: 'Bâtir un plan de développement des compétences',
    description: 'Recenser les besoins, trouver les financements, suivre les formations.',
    partners: ['telecom'],
  },
  {
    id: 'indre-gpec',
    category: 'hr',
    label: 'Anticiper les départs en retraite',
    description: 'Repérer les savoir-faire clés et organiser leur transmission avant un départ.',
    partners: ['energie', 'aero'],
  },
  // Commercial et export
  {
    id: 'indre-strategie-commerciale',
    category: 'sales-export',
    label: 'Construire sa stratégie commerciale',
    description: 'Cibles, offre, prix et plan d’action commercial sur douze mois.',
    partners: ['banque'],
  },
  {
    id: 'indre-export',
    category: 'sales-export',
    label: 'Préparer un premier marché à l’export',
    description: 'Choisir un pays, comprendre ses règles et trouver ses premiers clients.',
    partners: ['agro', 'pharma'],
  },
  {
    id: 'indre-grands-comptes',
    category: 'sales-export',
    label: 'Répondre aux attentes d’un grand compte',
    description: 'Référencement fournisseur, cahier des charges, négociation annuelle.',
    partners: ['aero'],
  },
  {
    id: 'indre-marches-publics',
    category: 'sales-export',
    label: 'Répondre à un marché public',
    description: 'Lire un règlement de consultation et constituer un dossier complet.',
    partners: ['energie'],
  },
  // Finance et gestion
  {
    id: 'indre-tableau-de-bord',
    category: 'finance',
    label: 'Piloter avec un tableau de bord',
    description: 'Choisir cinq indicateurs utiles et les suivre chaque mois.',
    partners: ['banque'],
  },
  {
    id: 'indre-couts-revient',
    category: 'finance',
    label: 'Calculer ses coûts de revient',
    description: 'Connaître la marge réelle de chaque produit ou service pour fixer ses prix.',
    partners: ['agro', 'banque'],
  },
  {
    id: 'indre-tresorerie',
    category: 'finance',
    label: 'Prévoir sa trésorerie',
    description: 'Plan de trésorerie à douze mois et dialogue avec le banquier.',
    partners: ['banque'],
  },
  {
    id: 'indre-financement-projet',
    category: 'finance',
    label: 'Financer un projet d’investissement',
    description: 'Monter le plan de financement et présenter le dossier aux financeurs.',
    partners: ['banque', 'assurance'],
  },
  // Numérique
  {
    id: 'indre-site-web',
    category: 'digital',
    label: 'Refaire son site internet',
    description: 'Cahier des charges, choix du prestataire et suivi du projet.',
    partners: ['telecom'],
  },
  {
    id: 'indre-cybersecurite',
    category: 'digital',
    label: 'Protéger son entreprise des cyberattaques',
    description: 'Sauvegardes, mots de passe, sensibilisation\u00a0: les bases qui évitent le pire.',
    partners: ['telecom', 'banque'],
  },
  {
    id: 'indre-erp',
    category: 'digital',
    label: 'Choisir un logiciel de gestion',
    description: 'Exprimer ses besoins, comparer les offres et réussir le démarrage.',
    partners: ['logistique'],
  },
  {
    id: 'indre-donnees',
    category: 'digital',
    label: 'Se mettre en conformité avec le RGPD',
    description: 'Registre des traitements, mentions d’information et sécurité des données.',
    partners: ['assurance'],
  },
  // Sécurité et environnement
  {
    id: 'indre-document-unique',
    category: 'safety-environment',
    label: 'Rédiger son document unique',
    description: 'Évaluer les risques professionnels et tenir le document unique à jour.',
    partners: ['energie', 'pharma'],
  },
  {
    id: 'indre-energie',
    category: 'safety-environment',
    label: 'Réduire sa facture d’énergie',
    description: 'Diagnostic des consommations et actions rentables à court terme.',
    partners: ['energie'],
  },
  {
    id: 'indre-dechets',
    category: 'safety-environment',
    label: 'Mieux gérer ses déchets',
    description: 'Tri, filières de valorisation et obligations réglementaires.',
    partners: ['agro'],
  },
  {
    id: 'indre-bilan-carbone',
    category: 'safety-environment',
    label: 'Établir un premier bilan carbone',
    description: 'Mesurer ses émissions et choisir les premières actions de réduction.',
    partners: ['energie', 'logistique'],
  },
  // Management et stratégie
  {
    id: 'indre-management-equipe',
    category: 'management',
    label: 'Manager une équipe qui grandit',
    description: 'Déléguer, fixer des objectifs et conduire des réunions efficaces.',
    partners: ['aero', 'telecom'],
  },
  {
    id: 'indre-reprise',
    category: 'management',
    label: 'Réussir la reprise d’une entreprise',
    description: 'Les cent premiers jours du repreneur\u00a0: équipe, clients, fournisseurs.',
    partners: ['banque'],
  },
  {
    id: 'indre-strategie',
    category: 'management',
    label: 'Formaliser son projet de développement',
    description: 'Diagnostic, ambitions à trois ans et feuille de route partagée.',
    partners: ['assurance', 'pharma'],
  },
  {
    id: 'indre-conduite-changement',
    category: 'management',
    label: 'Conduire un changement d’organisation',
    description: 'Associer les équipes à un déménagement, une nouvelle ligne ou un nouvel outil.',
    partners: ['agro'],
  },
];

const cherPartners = {
  meca: {
    name: 'Mécanique de Précision du Cher',
    siret: '90900009000102',
    sector: 'Mécanique industrielle',
    contact: {
      firstName: 'Laurent',
      lastName: 'Chevalier',
      role: 'Responsable RH',
      email: 'laurent.chevalier@mecaniquedeprecisionduch.example.com',
    },
  },
  banque: {
    name: 'Crédit Berrichon',
    siret: '91000010000107',
    sector: 'Banque',
    contact: {
      firstName: 'Anne',
      lastName: 'Fournier',
      role: 'Responsable RSE',
      email: 'anne.fournier@creditberrichon.example.com',
    },
  },
  defense: {
    name: 'Bourges Systèmes',
    siret: '91100011000104',
    sector: 'Industrie de défense',
    contact: {
      firstName: 'Éric',
      lastName: 'Lambert',
      role: 'Directeur des ressources humaines',
      email: 'eric.lambert@bourgessystemes.example.com',
    },
  },
} as const satisfies Record<string, DemoPartner>;

const cher: Draft[] = [
  {
    id: 'cher-iso-9001',
    category: 'quality',
    label: 'Préparer une certification ISO 9001',
    description: 'Cartographier les processus et préparer l’audit de certification.',
    partners: ['defense'],
  },
  {
    id: 'cher-lean',
    category: 'production',
    label: 'Organiser un atelier en lean',
    description: 'Réduire les gaspillages et réimplanter les postes de travail.',
    partners: ['meca'],
  },
  {
    id: 'cher-recrutement',
    category: 'hr',
    label: 'Recruter et intégrer un alternant',
    description: 'Trouver un alternant, organiser son tutorat et réussir son intégration.',
    partners: ['meca'],
  },
  {
    id: 'cher-export',
    category: 'sales-export',
    label: 'Préparer un premier marché à l’export',
    description: 'Choisir un pays et trouver ses premiers clients.',
    partners: ['defense'],
  },
  {
    id: 'cher-tresorerie',
    category: 'finance',
    label: 'Prévoir sa trésorerie',
    description: 'Plan de trésorerie à douze mois et dialogue avec le banquier.',
    partners: ['banque'],
  },
  {
    id: 'cher-cybersecurite',
    category: 'digital',
    label: 'Protéger son entreprise des cyberattaques',
    description: 'Les bases qui évitent le pire\u00a0: sauvegardes, accès, sensibilisation.',
    partners: ['defense'],
  },
  {
    id: 'cher-document-unique',
    category: 'safety-environment',
    label: 'Rédiger son document unique',
    description: 'Évaluer les risques professionnels et tenir le document à jour.',
    partners: ['meca'],
  },
  {
    id: 'cher-management-equipe',
    category: 'management',
    label: 'Manager une équipe qui grandit',
    description: 'Déléguer, fixer des objectifs et conduire des réunions efficaces.',
    partners: ['banque'],
  },
];

/** Demo records are as old as the data's first start would make them; a fixed date keeps the build reproducible. */
const seededAt = '2026-01-05T08:00:00.000Z';
const seededBy = { id: 'demo', name: 'Données de démonstration' };
const created = { status: 'active' as const, createdAt: seededAt, updatedAt: seededAt, version: 1 };
const history = [{ at: seededAt, actor: seededBy, change: 'created' as const }];

const partnerRecords = (network: string, partners: Record<string, DemoPartner>): PartnerRecord[] =>
  Object.entries(partners).map(([key, partner]) => ({
    id: `${network}-${key}`,
    network,
    ...partner,
    ...created,
    history,
  }));

const competenceRecords = (network: string, drafts: Draft[]): CompetenceRecord[] =>
  drafts.map(({ partners, ...draft }) => ({
    ...draft,
    network,
    partnerIds: partners.map((key) => `${network}-${key}`),
    ...created,
    history,
  }));

export const demoPartners: PartnerRecord[] = [
  ...partnerRecords('indre', indrePartners),
  ...partnerRecords('cher', cherPartners),
];

export const demoCompetences: CompetenceRecord[] = [
  ...competenceRecords('indre', indre),
  ...competenceRecords('cher', cher),
];

/** The demo catalogue as the public reads it: what the site's build shows when no deployment is named. */
export const demoCatalogue: Competence[] = toPublicCompetences(demoCompetences, demoPartners);
