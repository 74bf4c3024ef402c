import {
  type HalfDaySlot,
  halfDaySlotLabels,
  type InterventionStatus,
  interventionStatusLabels,
  type MissionStatus,
  missionStatusLabels,
} from '../../../shared/missions.ts';
import { type CsvColumn, csvDate, csvDay } from './csv.ts';

/**
 * The funders' files of missions and half-days: what was done, by which partner company, for which
 * kind of SME, with what result. As for applications, no person is named (the volunteer is not,
 * the SME's contact is not) and no free text goes out but the company's name.
 */
export interface MissionRow {
  id: string;
  reference: string;
  networkName: string;
  companyName: string;
  sizeClass: string;
  competence: string;
  partnerName: string;
  status: MissionStatus;
  startDate: string;
  endDate: string;
  plannedHalfDays: number;
  scheduledHalfDays: number;
  deliveredHalfDays: number;
  startedAt?: string;
  closedAt?: string;
  jobsCreated?: number;
  jobsMaintained?: number;
  smeSatisfaction?: number;
  volunteerSatisfaction?: number;
  followUp12?: { jobsCreated: number; jobsMaintained: number };
  followUp24?: { jobsCreated: number; jobsMaintained: number };
}

export const missionColumns: readonly CsvColumn<MissionRow>[] = [
  { header: 'Mission', cell: (row) => row.id },
  { header: 'Candidature', cell: (row) => row.reference },
  { header: 'Réseau', cell: (row) => row.networkName },
  { header: 'Entreprise accompagnée', cell: (row) => row.companyName },
  { header: 'Tranche d’effectif', cell: (row) => row.sizeClass },
  { header: 'Compétence', cell: (row) => row.competence },
  { header: 'Entreprise partenaire', cell: (row) => row.partnerName },
  { header: 'Statut', cell: (row) => missionStatusLabels[row.status] },
  { header: 'Début prévu', cell: (row) => csvDay(row.startDate) },
  { header: 'Fin prévue', cell: (row) => csvDay(row.endDate) },
  { header: 'Demi-journées prévues', cell: (row) => row.plannedHalfDays },
  { header: 'Demi-journées programmées', cell: (row) => row.scheduledHalfDays },
  { header: 'Demi-journées réalisées', cell: (row) => row.deliveredHalfDays },
  { header: 'Démarrée le', cell: (row) => csvDate(row.startedAt) },
  { header: 'Close le', cell: (row) => csvDate(row.closedAt) },
  { header: 'Emplois créés (bilan)', cell: (row) => row.jobsCreated },
  { header: 'Emplois maintenus (bilan)', cell: (row) => row.jobsMaintained },
  { header: 'Satisfaction de l’entreprise (1 à 5)', cell: (row) => row.smeSatisfaction },
  { header: 'Satisfaction du salarié (1 à 5)', cell: (row) => row.volunteerSatisfaction },
  { header: 'Emplois créés à 12 mois', cell: (row) => row.followUp12?.jobsCreated },
  { header: 'Emplois maintenus à 12 mois', cell: (row) => row.followUp12?.jobsMaintained },
  { header: 'Emplois créés à 24 mois', cell: (row) => row.followUp24?.jobsCreated },
  { header: 'Emplois maintenus à 24 mois', cell: (row) => row.followUp24?.jobsMaintained },
];

export interface InterventionRow {
  missionId: string;
  reference: string;
  networkName: string;
  companyName: string;
  competence: string;
  partnerName: string;
  date: string;
  slot: HalfDaySlot;
  remote: boolean;
  status: InterventionStatus;
}

export const interventionColumns: readonly CsvColumn<InterventionRow>[] = [
  { header: 'Mission', cell: (row) => row.missionId },
  { header: 'Candidature', cell: (row) => row.reference },
  { header: 'Réseau', cell: (row) => row.networkName },
  { header: 'Entreprise accompagnée', cell: (row) => row.companyName },
  { header: 'Compétence', cell: (row) => row.competence },
  { header: 'Entreprise partenaire', cell: (row) => row.partnerName },
  { header: 'Date', cell: (row) => csvDay(row.date) },
  { header: 'Demi-journée', cell: (row) => halfDaySlotLabels[row.slot] },
  { header: 'Lieu', cell: (row) => (row.remote ? 'à distance' : 'sur place') },
  { header: 'Statut', cell: (row) => interventionStatusLabels[row.status] },
];
