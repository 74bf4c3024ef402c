import { sourceLabels, statusLabels } from '../../../shared/application-status.ts';
import { sizeClassLabel } from '../privacy/anonymisation.ts';
import { type CsvColumn, csvDate, csvDay } from './csv.ts';

/**
 * One row per application, for funders: what the programme did, not whom it met. No contact person,
 * no address, no free text but the project's title; an anonymised application keeps its row, with
 * the neutral name and title it now holds.
 */
export interface ApplicationRow {
  reference: string;
  networkName: string;
  receivedAt: string;
  source: keyof typeof sourceLabels;
  status: keyof typeof statusLabels;
  /** When the status last changed. */
  statusSince: string;
  companyName: string;
  nafCode?: string;
  company: { employees?: number; sizeClass?: string };
  departement: string;
  projectTitle: string;
  competences: string[];
  jobsToCreate?: number;
  jobsToMaintain?: number;
  committeeDate?: string;
  anonymised: boolean;
}

export const applicationColumns: readonly CsvColumn<ApplicationRow>[] = [
  { header: 'Référence', cell: (row) => row.reference },
  { header: 'Réseau', cell: (row) => row.networkName },
  { header: 'Reçue le', cell: (row) => csvDate(row.receivedAt) },
  { header: 'Origine', cell: (row) => sourceLabels[row.source] },
  { header: 'Statut', cell: (row) => statusLabels[row.status] },
  { header: 'Statut depuis le', cell: (row) => csvDate(row.statusSince) },
  { header: 'Entreprise', cell: (row) => row.companyName },
  { header: 'Code NAF', cell: (row) => row.nafCode },
  { header: 'Tranche d’effectif', cell: (row) => sizeClassLabel(row.company) },
  { header: 'Département', cell: (row) => row.departement },
  { header: 'Projet', cell: (row) => row.projectTitle },
  { header: 'Compétences demandées', cell: (row) => row.competences.join(', ') },
  { header: 'Emplois à créer', cell: (row) => row.jobsToCreate },
  { header: 'Emplois à maintenir', cell: (row) => row.jobsToMaintain },
  { header: 'Date du comité', cell: (row) => csvDay(row.committeeDate) },
  { header: 'Anonymisée', cell: (row) => (row.anonymised ? 'oui' : 'non') },
];
