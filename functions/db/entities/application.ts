import type { Application } from '../../../shared/application.ts';
import { submissionKeys } from './submission.ts';

/** An SME application, stored under its reference (`APPLICATION#ALZ-36-2026-0042`). */
export const applicationKeys = submissionKeys('application', 'APPLICATION');

/** What is kept of the form: the answers, where the company is, when consent was given; no anti-bot field. */
export interface ApplicationData {
  company: Application['company'] & { communeCode: string; communeName: string; departement: string };
  contact: Application['contact'];
  project: Application['project'];
  consentedAt: string;
}
