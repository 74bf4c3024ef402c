import type { ApplicationStatus } from '../../../shared/application-status.ts';
import { frenchDay, parisDate } from '../../../shared/dates.ts';
import type { ApplicationStatusView } from '../../../shared/staff-api.ts';

/**
 * The SME's status page (`/suivi/`) in plain words for a company owner reading on a phone: what has
 * happened, step by step, and the usual steps still to come. Pure, for the unit tests.
 */

/** What each step means for the SME, once it has happened. */
export const stepLabels: Record<ApplicationStatus, string> = {
  received: 'Votre demande est arrivée à l’équipe du réseau',
  qualified: 'L’équipe a étudié votre projet avec vous',
  'info-requested': 'L’équipe attend des informations de votre part',
  scheduled: 'Votre projet est inscrit au comité d’agrément',
  deferred: 'Le comité a reporté sa décision',
  approved: 'Le comité a retenu votre projet',
  rejected: 'Le comité n’a pas retenu votre projet',
  ineligible: 'Votre projet ne relève pas d’Alizé',
  'in-progress': 'Votre accompagnement a commencé',
  closed: 'Votre accompagnement est terminé',
  withdrawn: 'Votre demande a été retirée',
};

/** The usual path, worded as steps still to come: none of them promises the committee’s answer. */
const usualPath: { status: ApplicationStatus; upcoming: string }[] = [
  { status: 'received', upcoming: 'Réception de votre demande' },
  { status: 'qualified', upcoming: 'Étude de votre projet avec l’équipe du réseau' },
  { status: 'scheduled', upcoming: 'Présentation de votre projet au comité d’agrément' },
  { status: 'approved', upcoming: 'Décision du comité' },
  { status: 'in-progress', upcoming: 'Accompagnement par un salarié d’une entreprise partenaire' },
  { status: 'closed', upcoming: 'Fin de l’accompagnement' },
];

/** Where each status stands on the usual path: the steps after it are still to come. */
const placeOnPath: Partial<Record<ApplicationStatus, number>> = {
  received: 0,
  qualified: 1,
  'info-requested': 1,
  scheduled: 2,
  deferred: 2,
  approved: 3,
  'in-progress': 4,
};

/** The usual steps after the current status; none after an ending (not retained, withdrawn…). */
export const upcomingSteps = (status: ApplicationStatus): string[] => {
  const place = placeOnPath[status];
  return place === undefined ? [] : usualPath.slice(place + 1).map((step) => step.upcoming);
};

export interface ShownStep {
  label: string;
  /** « le 3 décembre 2026 » */
  when: string;
  /** « Comité du 15 mars 2027 » for a step that names one. */
  detail?: string;
  current: boolean;
}

/** The steps that happened, oldest first, the last one current. */
export const pastSteps = (steps: ApplicationStatusView['steps']): ShownStep[] =>
  steps.map((step, index) => ({
    label: stepLabels[step.status] ?? step.status,
    when: `le ${parisDate(step.at)}`,
    ...(step.committeeDate ? { detail: `Comité du ${frenchDay(step.committeeDate)}` } : {}),
    current: index === steps.length - 1,
  }));
