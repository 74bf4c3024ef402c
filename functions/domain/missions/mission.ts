import type {
  Checklist,
  Intervention,
  MissionHistoryLine,
  MissionStatus,
  RecordedFollowUp,
  RecordedSmeOutcome,
  RecordedVolunteerOutcome,
} from '../../../shared/missions.ts';

/**
 * A mission as stored, in its application's partition: everything about it in one item (its
 * half-days with their own history, its outcomes and its audit trail), so that every change is one
 * conditional write on `version` (dynalite has no transactions).
 */
export interface Mission {
  /** `<application reference>-M<n>`: leads to the application's partition without a lookup. */
  id: string;
  reference: string;
  network: string;
  /** The mission's number within its application, from 1. */
  number: number;
  status: MissionStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  closedAt?: string;
  competenceId: string;
  partnerId: string;
  volunteerId: string;
  /** Half-days planned for the whole mission (`1` = one half-day). */
  plannedHalfDays: number;
  startDate: string;
  endDate: string;
  checklist: Checklist;
  interventions: Intervention[];
  outcomes: { sme?: RecordedSmeOutcome; volunteer?: RecordedVolunteerOutcome; followUps: RecordedFollowUp[] };
  /** The next follow-up mail owed to the SME after closing (12 then 24 months), none once both are sent. */
  nextFollowUp?: { month: 12 | 24; dueAt: string };
  history: MissionHistoryLine[];
}

export const missionId = (reference: string, number: number) => `${reference}-M${number}`;

/** `ALZ-36-2026-0001-M2` → its application and number; undefined for anything else. */
export const parseMissionId = (id: string): { reference: string; number: number } | undefined => {
  const match = /^(ALZ-[0-9A-Z]{2,3}-\d{4}-\d{4,})-M([1-9]\d{0,3})$/.exec(id);
  return match ? { reference: match[1] as string, number: Number(match[2]) } : undefined;
};

/** Half-days that count against the plan (planned or done), and those delivered. */
export const missionTotals = (mission: Pick<Mission, 'interventions' | 'plannedHalfDays'>) => {
  const planned = mission.interventions.filter((i) => i.status !== 'cancelled').length;
  const delivered = mission.interventions.filter((i) => i.status === 'done').length;
  return { planned, delivered, remaining: Math.max(0, mission.plannedHalfDays - planned) };
};

export const checklistComplete = (checklist: Checklist) =>
  Boolean(checklist.agreementSignedOn && checklist.consentSignedOn);
