import type { Competence } from './catalogue.ts';

/**
 * Demo data for the local cloud: the catalogue an Indre network could show, offered by
 * fictional partner companies (any likeness to a real company is unintended), and a smaller
 * one for a second network, so that every screen is multi-network from the start.
 */
const indrePartners = {
  aero: 'Berry Aéro Composants',
  pharma: 'Laboratoires du Val d’Indre',
  banque: 'Banque Coopérative du Centre',
  logistique: 'Boischaut Logistique',
  energie: 'Réseaux Énergie Centre',
  agro: 'Brenne Agroalimentaire',
  assurance: 'Mutuelle des Pays de l’Indre',
  telecom: 'Centre Télécom Services',
} as const;

type Draft = Omit<Competence, 'network'>;

const indre: Draft[] = [
  // Qualité
  {
    id: 'indre-iso-9001',
    category: 'quality',
    label: 'Préparer une certification ISO 9001',
    description:
      'Cartographier les processus, rédiger le manuel qualité et préparer l’audit de certification.',
    partners: [indrePartners.aero, indrePartners.pharma],
  },
  {
    id: 'indre-audit-interne',
    category: 'quality',
    label: 'Conduire un audit interne',
    description: 'Construire une grille d’audit, mener les entretiens et suivre les actions correctives.',
    partners: [indrePartners.pharma],
  },
  {
    id: 'indre-resolution-problemes',
    category: 'quality',
    label: 'Résoudre un problème qualité récurrent',
    description: 'Méthodes 8D et Ishikawa appliquées à un défaut qui revient chez vos clients.',
    partners: [indrePartners.aero],
  },
  {
    id: 'indre-satisfaction-client',
    category: 'quality',
    label: 'Mesurer la satisfaction client',
    description: 'Concevoir une enquête simple et transformer les réponses en plan d’amélioration.',
    partners: [indrePartners.assurance],
  },
  // Production et logistique
  {
    id: 'indre-lean',
    category: 'production',
    label: 'Organiser un atelier en lean',
    description: 'Réduire les gaspillages, réimplanter un poste, mettre en place le 5S.',
    partners: [indrePartners.aero, indrePartners.agro],
  },
  {
    id: 'indre-gestion-stocks',
    category: 'production',
    label: 'Maîtriser ses stocks',
    description:
      'Choisir les bons indicateurs, fixer les seuils de réapprovisionnement, fiabiliser l’inventaire.',
    partners: [indrePartners.logistique],
  },
  {
    id: 'indre-maintenance',
    category: 'production',
    label: 'Mettre en place la maintenance préventive',
    description: 'Planifier l’entretien des machines pour éviter les arrêts imprévus.',
    partners: [indrePartners.energie],
  },
  {
    id: 'indre-transport',
    category: 'production',
    label: 'Optimiser ses transports et livraisons',
    description: 'Tournées, choix des transporteurs, emballages\u00a0: réduire les coûts et les délais.',
    partners: [indrePartners.logistique],
  },
  // Ressources humaines
  {
    id: 'indre-recrutement',
    category: 'hr',
    label: 'Recruter son premier salarié',
    description: 'Fiche de poste, diffusion de l’offre, entretiens et intégration.',
    partners: [indrePartners.banque, indrePartners.assurance],
  },
  {
    id: 'indre-entretiens-annuels',
    category: 'hr',
    label: 'Mettre en place les entretiens professionnels',
    description: 'Supports, calendrier et obligations légales des entretiens professionnels.',
    partners: [indrePartners.assurance],
  },
  {
    id: 'indre-plan-formation',
    category: 'hr',
    label: 'Bâtir un plan de développement des compétences',
    description: 'Recenser les besoins, trouver les financements, suivre les formations.',
    partners: [indrePartners.telecom],
  },
  {
    id: 'indre-gpec',
    category: 'hr',
    label: 'Anticiper les départs en retraite',
    description: 'Repérer les savoir-faire clés et organiser leur transmission avant un départ.',
    partners: [indrePartners.energie, indrePartners.aero],
  },
  // Commercial et export
  {
    id: 'indre-strategie-commerciale',
    category: 'sales-export',
    label: 'Construire sa stratégie commerciale',
    description: 'Cibles, offre, prix et plan d’action commercial sur douze mois.',
    partners: [indrePartners.banque],
  },
  {
    id: 'indre-export',
    category: 'sales-export',
    label: 'Préparer un premier marché à l’export',
    description: 'Choisir un pays, comprendre ses règles et trouver ses premiers clients.',
    partners: [indrePartners.agro, indrePartners.pharma],
  },
  {
    id: 'indre-grands-comptes',
    category: 'sales-export',
    label: 'Répondre aux attentes d’un grand compte',
    description: 'Référencement fournisseur, cahier des charges, négociation annuelle.',
    partners: [indrePartners.aero],
  },
  {
    id: 'indre-marches-publics',
    category: 'sales-export',
    label: 'Répondre à un marché public',
    description: 'Lire un règlement de consultation et constituer un dossier complet.',
    partners: [indrePartners.energie],
  },
  // Finance et gestion
  {
    id: 'indre-tableau-de-bord',
    category: 'finance',
    label: 'Piloter avec un tableau de bord',
    description: 'Choisir cinq indicateurs utiles et les suivre chaque mois.',
    partners: [indrePartners.banque],
  },
  {
    id: 'indre-couts-revient',
    category: 'finance',
    label: 'Calculer ses coûts de revient',
    description: 'Connaître la marge réelle de chaque produit ou service pour fixer ses prix.',
    partners: [indrePartners.agro, indrePartners.banque],
  },
  {
    id: 'indre-tresorerie',
    category: 'finance',
    label: 'Prévoir sa trésorerie',
    description: 'Plan de trésorerie à douze mois et dialogue avec le banquier.',
    partners: [indrePartners.banque],
  },
  {
    id: 'indre-financement-projet',
    category: 'finance',
    label: 'Financer un projet d’investissement',
    description: 'Monter le plan de financement et présenter le dossier aux financeurs.',
    partners: [indrePartners.banque, indrePartners.assurance],
  },
  // Numérique
  {
    id: 'indre-site-web',
    category: 'digital',
    label: 'Refaire son site internet',
    description: 'Cahier des charges, choix du prestataire et suivi du projet.',
    partners: [indrePartners.telecom],
  },
  {
    id: 'indre-cybersecurite',
    category: 'digital',
    label: 'Protéger son entreprise des cyberattaques',
    description: 'Sauvegardes, mots de passe, sensibilisation\u00a0: les bases qui évitent le pire.',
    partners: [indrePartners.telecom, indrePartners.banque],
  },
  {
    id: 'indre-erp',
    category: 'digital',
    label: 'Choisir un logiciel de gestion',
    description: 'Exprimer ses besoins, comparer les offres et réussir le démarrage.',
    partners: [indrePartners.logistique],
  },
  {
    id: 'indre-donnees',
    category: 'digital',
    label: 'Se mettre en conformité avec le RGPD',
    description: 'Registre des traitements, mentions d’information et sécurité des données.',
    partners: [indrePartners.assurance],
  },
  // Sécurité et environnement
  {
    id: 'indre-document-unique',
    category: 'safety-environment',
    label: 'Rédiger son document unique',
    description: 'Évaluer les risques professionnels et tenir le document unique à jour.',
    partners: [indrePartners.energie, indrePartners.pharma],
  },
  {
    id: 'indre-energie',
    category: 'safety-environment',
    label: 'Réduire sa facture d’énergie',
    description: 'Diagnostic des consommations et actions rentables à court terme.',
    partners: [indrePartners.energie],
  },
  {
    id: 'indre-dechets',
    category: 'safety-environment',
    label: 'Mieux gérer ses déchets',
    description: 'Tri, filières de valorisation et obligations réglementaires.',
    partners: [indrePartners.agro],
  },
  {
    id: 'indre-bilan-carbone',
    category: 'safety-environment',
    label: 'Établir un premier bilan carbone',
    description: 'Mesurer ses émissions et choisir les premières actions de réduction.',
    partners: [indrePartners.energie, indrePartners.logistique],
  },
  // Management et stratégie
  {
    id: 'indre-management-equipe',
    category: 'management',
    label: 'Manager une équipe qui grandit',
    description: 'Déléguer, fixer des objectifs et conduire des réunions efficaces.',
    partners: [indrePartners.aero, indrePartners.telecom],
  },
  {
    id: 'indre-reprise',
    category: 'management',
    label: 'Réussir la reprise d’une entreprise',
    description: 'Les cent premiers jours du repreneur\u00a0: équipe, clients, fournisseurs.',
    partners: [indrePartners.banque],
  },
  {
    id: 'indre-strategie',
    category: 'management',
    label: 'Formaliser son projet de développement',
    description: 'Diagnostic, ambitions à trois ans et feuille de route partagée.',
    partners: [indrePartners.assurance, indrePartners.pharma],
  },
  {
    id: 'indre-conduite-changement',
    category: 'management',
    label: 'Conduire un changement d’organisation',
    description: 'Associer les équipes à un déménagement, une nouvelle ligne ou un nouvel outil.',
    partners: [indrePartners.agro],
  },
];

const cherPartners = {
  meca: 'Mécanique de Précision du Cher',
  banque: 'Crédit Berrichon',
  defense: 'Bourges Systèmes',
} as const;

const cher: Draft[] = [
  {
    id: 'cher-iso-9001',
    category: 'quality',
    label: 'Préparer une certification ISO 9001',
    description: 'Cartographier les processus et préparer l’audit de certification.',
    partners: [cherPartners.defense],
  },
  {
    id: 'cher-lean',
    category: 'production',
    label: 'Organiser un atelier en lean',
    description: 'Réduire les gaspillages et réimplanter les postes de travail.',
    partners: [cherPartners.meca],
  },
  {
    id: 'cher-recrutement',
    category: 'hr',
    label: 'Recruter et intégrer un alternant',
    description: 'Trouver un alternant, organiser son tutorat et réussir son intégration.',
    partners: [cherPartners.meca],
  },
  {
    id: 'cher-export',
    category: 'sales-export',
    label: 'Préparer un premier marché à l’export',
    description: 'Choisir un pays et trouver ses premiers clients.',
    partners: [cherPartners.defense],
  },
  {
    id: 'cher-tresorerie',
    category: 'finance',
    label: 'Prévoir sa trésorerie',
    description: 'Plan de trésorerie à douze mois et dialogue avec le banquier.',
    partners: [cherPartners.banque],
  },
  {
    id: 'cher-cybersecurite',
    category: 'digital',
    label: 'Protéger son entreprise des cyberattaques',
    description: 'Les bases qui évitent le pire\u00a0: sauvegardes, accès, sensibilisation.',
    partners: [cherPartners.defense],
  },
  {
    id: 'cher-document-unique',
    category: 'safety-environment',
    label: 'Rédiger son document unique',
    description: 'Évaluer les risques professionnels et tenir le document à jour.',
    partners: [cherPartners.meca],
  },
  {
    id: 'cher-management-equipe',
    category: 'management',
    label: 'Manager une équipe qui grandit',
    description: 'Déléguer, fixer des objectifs et conduire des réunions efficaces.',
    partners: [cherPartners.banque],
  },
];

export const demoCatalogue: Competence[] = [
  ...indre.map((draft) => ({ ...draft, network: 'indre' })),
  ...cher.map((draft) => ({ ...draft, network: 'cher' })),
];
