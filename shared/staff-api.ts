import type { ApplicationSource, ApplicationStatus, Orientation } from './application-lifecycle.ts';
import type { CompetenceRecord, PartnerRecord, VolunteerRecord } from './partners.ts';

/**
 * What the back office's API answers, read by the functions (which build these) and by the back
 * office's pages (which show them). Every date is ISO 8601; the pages show them in Paris time.
 */
export interface StaffSession {
  name: string;
  scope: { kind: 'network'; network: string } | { kind: 'national' };
  networks: { id: string; name: string }[];
}

export interface InboxItem {
  reference: string;
  network: string;
  status: ApplicationStatus;
  companyName: string;
  projectTitle: string;
  receivedAt: string;
  /** When the status last changed. */
  since: string;
  /** Paris calendar days since receipt, and since the last change. */
  ageDays: number;
  daysInStatus: number;
  waitingOn: 'staff' | 'sme' | 'committee' | 'missions' | null;
  committee?: { id: string; date: string };
  source: ApplicationSource;
}

export interface InboxView {
  /** Open applications (or those of the status asked for), oldest first. */
  items: InboxItem[];
  /** Suspected bots held in quarantine, per network in scope. */
  quarantined: Record<string, number>;
}

export interface HistoryLine {
  at: string;
  actor: { id: string; name: string };
  from?: ApplicationStatus;
  to: ApplicationStatus;
  reason?: string;
  committee?: { id: string; date: string };
  orientation?: Orientation;
}

export interface ApplicationView {
  reference: string;
  network: { id: string; name: string };
  status: ApplicationStatus;
  version: number;
  source: ApplicationSource;
  receivedAt: string;
  updatedAt: string;
  company: {
    name: string;
    siret: string;
    nafCode?: string;
    nafLabel?: string;
    employees: number;
    postcode: string;
    city: string;
    communeName: string;
    createdYear?: number;
    website?: string;
  };
  contact: { firstName: string; lastName: string; role?: string; email: string; phone?: string };
  project: {
    title: string;
    description: string;
    competences: { id: string; label: string }[];
    jobsToCreate?: number;
    jobsToMaintain?: number;
    desiredStart?: string;
  };
  committee?: { id: string; date: string };
  opinion?: string;
  /** Set once its personal data was replaced by neutral values: when, by whom (or by the retention rule), why. */
  anonymisation?: { at: string; actor: { id: string; name: string }; reason: string };
  history: HistoryLine[];
  notes: { id: string; at: string; author: { id: string; name: string }; text: string }[];
  /** The moves staff may make now (the lifecycle table), each saying whether it needs a reason or a committee. */
  moves: { to: ApplicationStatus; reason: boolean; committee: boolean }[];
  /** Whether this actor may change it (its own network's staff). */
  editable: boolean;
}

export interface CommitteeSummary {
  id: string;
  network: string;
  date: string;
  time?: string;
  place?: string;
  /** Applications on its agenda now (scheduled for it, not yet decided). */
  agendaSize: number;
  decided: number;
}

export interface CommitteeView extends CommitteeSummary {
  agenda: ApplicationView[];
  decisions: { reference: string; decision: string; reason?: string; at: string; actor: { name: string } }[];
}

/** The answer to a batch of committee decisions: each application on its own. */
export interface DecisionsResult {
  results: (
    | { reference: string; outcome: 'recorded'; status: ApplicationStatus; version: number }
    | { reference: string; outcome: 'refused'; error: string; message: string }
  )[];
}

/** What the SME sees on its status page, from its signed link: no more than the SME itself sent. */
export interface ApplicationStatusView {
  reference: string;
  companyName: string;
  network: { id: string; name: string; contact: { email: string; phone: string } };
  status: ApplicationStatus;
  steps: { status: ApplicationStatus; at: string; committeeDate?: string }[];
  /** What happens next, in French, for the SME. */
  next: string;
}

/** A submission held in quarantine as a suspected bot, shown as it was posted, for staff to judge. */
export interface HeldSubmissionView {
  reference: string;
  form: 'application' | 'partnerOffer' | 'contactMessage';
  /** A network id, or `national` for a message to the national coordination. */
  network: string;
  /** Why it was held, in French: « le champ caché aux visiteurs était rempli ». */
  reason: string;
  receivedAt: string;
  expiresAt: string;
  /** The fields exactly as posted: text typed by someone unknown, to be shown escaped. */
  fields: Record<string, unknown>;
}

/** One thing held about a person, as a person reads it: French labels, values written out. */
export interface ExportedSection {
  title: string;
  fields: { label: string; value: string }[];
}

/** One record found for a person (an application, a partner offer, a message…), with what lives beside it. */
export interface PersonRecordView {
  reference: string;
  /** `application`, `partner-offer`, `contact-message`, or the kind of item found (a volunteer…). */
  kind: string;
  /** « Candidature », « Proposition de partenariat »… */
  kindLabel: string;
  network: { id: string; name: string };
  receivedAt: string;
  /** Whether this actor may anonymise it now (its network's staff, and not anonymised yet). */
  anonymisable: boolean;
  anonymisedAt?: string;
  sections: ExportedSection[];
}

/** `GET /api/staff/people?email=`: what this deployment holds about the person, in the actor's scope. */
export interface PersonExport {
  /** The address as searched, normalised (lower case, domain in ASCII). */
  email: string;
  exportedAt: string;
  exportedBy: string;
  records: PersonRecordView[];
}

export interface AnonymisationResult {
  reference: string;
  anonymisedAt: string;
  anonymisedBy: string;
  reason: string;
  /** It was anonymised before this request: nothing changed. */
  alreadyDone: boolean;
}

/** A partner company in the list of a network's partners, with what it lends today. */
export interface PartnerListItem {
  id: string;
  network: string;
  name: string;
  siret: string;
  sector: string;
  status: 'active' | 'retired';
  contact: PartnerRecord['contact'];
  updatedAt: string;
  /** Its active volunteers, and the active competences it offers. */
  volunteers: number;
  competences: number;
  fromOffer?: string;
}

/** One partner company with its volunteers and the competences it offers, for its page. */
export interface PartnerView {
  partner: PartnerRecord;
  volunteers: VolunteerRecord[];
  competences: CompetenceRecord[];
  /** The network's catalogue, retired competences included, to name a volunteer's competences. */
  catalogue: { id: string; label: string; status: 'active' | 'retired' }[];
  /** Whether this actor may change it (its own network's staff). */
  editable: boolean;
}

/** The network's catalogue as staff keep it: every competence, and the partners they may name. */
export interface CatalogueAdminView {
  competences: CompetenceRecord[];
  partners: { id: string; network: string; name: string; status: 'active' | 'retired' }[];
}

/** A partner offer received from the site's form, as staff read it before making it a partner. */
export interface PartnerOfferView {
  reference: string;
  network: string;
  status: ApplicationStatus;
  version: number;
  receivedAt: string;
  company: { name: string; siret: string; postcode: string; city: string };
  contact: { firstName: string; lastName: string; role?: string; email: string; phone?: string };
  offer: { categories: string[]; skills: string; volunteers: number; message?: string };
  /** The partner made from it, once it is. */
  partnerId?: string;
  history: HistoryLine[];
}

export interface OfferConversion {
  partner: PartnerRecord;
  offer: PartnerOfferView;
}

/** An address the outbox no longer writes to, after SES reported a permanent bounce or a complaint. */
export interface SuppressionView {
  /** The address's person key: what names it in the lift route, never the address itself. */
  key: string;
  address: string;
  reason: 'bounce' | 'complaint';
  /** In French: « adresse inexistante ou refusée (rejet définitif) », « signalé comme indésirable ». */
  reasonLabel: string;
  /** SES's own word for it (`General`, `NoEmail`, `abuse`…). */
  detail: string;
  at: string;
  version: number;
}
