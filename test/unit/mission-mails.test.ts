import { describe, expect, it } from 'vitest';
import {
  type MissionMailModel,
  type OutcomeRequestModel,
  renderHalfDayChange,
  renderOutcomeRequest,
  renderSmeIntroduction,
  renderVolunteerMission,
} from '../../functions/email/templates/mission-mails.ts';
import { readableText, typographyFaults } from '../support/typography.ts';

/**
 * The missions' mails as a mail client shows their HTML part: the same facts as the text part,
 * every value someone typed shown as typed (never as markup), every link a link, in French.
 */
const network = {
  name: 'Alizé Indre',
  operator: 'Initiative Indre',
  contact: { address: ['36000 Châteauroux'], phone: '02 61 91 36 00', email: 'alize@indre.example.org' },
};

// Values typed in public forms and in the back office, markup included.
const companyName = 'Dupont & Fils <b>';
const need = 'Mettre en place une démarche qualité <script>alert(1)</script> avant l’audit de 2027';
const calendarUrl = 'https://alize.example.org/api/missions/calendar?t=eyJhbGciOiJIUzI1NiJ9.e30.c2ln&v=2';
const formUrl = 'https://alize.example.org/bilan/?t=eyJhbGciOiJIUzI1NiJ9.e30.c2ln&role=sme';

const mission: MissionMailModel = {
  network,
  company: { name: companyName, communeName: 'Châteauroux' },
  project: { title: 'Certification ISO 9001', description: need },
  competence: 'Certification ISO 9001 : démarche qualité',
  partnerName: 'Berry Aéro <Composants>',
  volunteer: {
    firstName: 'Lucas',
    lastName: 'Moreau',
    role: 'Ingénieur qualité',
    email: 'lucas.moreau@partenaire.example.com',
    phone: '02 54 11 22 33',
  },
  smeContact: {
    firstName: 'Claire',
    lastName: 'O’Neil "la gérante"',
    role: 'Gérante',
    email: 'claire@dupont-fils.example.fr',
    phone: '02 54 00 00 00',
  },
  startDate: '2027-03-01',
  endDate: '2027-06-30',
  plannedHalfDays: 4,
  halfDays: [{ date: '2027-03-31', slot: 'afternoon', remote: false, place: 'Atelier & bureau' }],
  calendarUrl,
};

const outcome = (overrides: Partial<OutcomeRequestModel>): OutcomeRequestModel => ({
  network,
  role: 'sme',
  ask: 'closing',
  recipient: { firstName: 'Claire', lastName: 'O’Neil' },
  companyName,
  competence: 'Certification ISO 9001',
  formUrl,
  linkDays: 30,
  ...overrides,
});

const mails = {
  'volunteer’s mission': renderVolunteerMission(mission),
  'SME’s introduction': renderSmeIntroduction(mission),
  'SME’s closing form': renderOutcomeRequest(outcome({})),
  'volunteer’s closing form': renderOutcomeRequest(outcome({ role: 'volunteer' })),
  '12-month follow-up': renderOutcomeRequest(outcome({ ask: 'follow-up-12' })),
  '24-month follow-up': renderOutcomeRequest(outcome({ ask: 'follow-up-24' })),
  'half-day moved, to the volunteer': renderHalfDayChange({
    network: mission.network,
    recipient: { firstName: 'Lucas', lastName: 'Moreau' },
    withWhom: companyName,
    before: { date: '2027-03-31', slot: 'afternoon', remote: false, place: 'Atelier & bureau' },
    after: { date: '2027-04-07', slot: 'morning', remote: true },
    calendarUrl,
  }),
  'half-day cancelled, to the SME': renderHalfDayChange({
    network: mission.network,
    recipient: { firstName: 'Claire', lastName: 'O’Neil' },
    withWhom: 'Lucas Moreau (Berry Aéro <Composants>)',
    before: { date: '2027-03-31', slot: 'afternoon', remote: false, place: 'Atelier & bureau' },
    calendarUrl,
  }),
};

/** The links of an HTML part, as a mail client follows them (attribute entities decoded). */
const links = (html: string) =>
  [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((match) => readableText(match[1] ?? ''));

/** What each mail must tell in both parts, and the links its HTML must carry. */
const essentials: Record<keyof typeof mails, { facts: string[]; links: string[] }> = {
  'volunteer’s mission': {
    facts: [
      companyName,
      need,
      'Claire O’Neil "la gérante"',
      'claire@dupont-fils.example.fr',
      'tél.\u00a002\u00a054\u00a000\u00a000\u00a000',
      'le 31 mars 2027, après-midi',
      'Atelier & bureau',
      'Berry Aéro <Composants>',
    ],
    links: [calendarUrl, 'mailto:alize@indre.example.org'],
  },
  'SME’s introduction': {
    facts: [
      'Lucas Moreau',
      'Ingénieur qualité',
      'lucas.moreau@partenaire.example.com',
      'tél.\u00a002\u00a054\u00a011\u00a022\u00a033',
      'Berry Aéro <Composants>',
      'le 31 mars 2027, après-midi',
    ],
    links: [calendarUrl, 'mailto:alize@indre.example.org'],
  },
  'SME’s closing form': {
    facts: [companyName, 'Claire O’Neil', 'Donner mon bilan', '30\u00a0jours'],
    links: [formUrl, 'mailto:alize@indre.example.org'],
  },
  'volunteer’s closing form': {
    facts: [companyName, 'Donner mon avis'],
    links: [formUrl, 'mailto:alize@indre.example.org'],
  },
  '12-month follow-up': {
    facts: [companyName, 'Il y a 12\u00a0mois', 'Donner les deux chiffres'],
    links: [formUrl, 'mailto:alize@indre.example.org'],
  },
  '24-month follow-up': {
    facts: [companyName, 'Il y a 24\u00a0mois'],
    links: [formUrl, 'mailto:alize@indre.example.org'],
  },
  'half-day moved, to the volunteer': {
    facts: [
      companyName,
      'prévue le 31 mars 2027, après-midi (14\u00a0h – 17\u00a0h\u00a030), Atelier & bureau',
      'est déplacée\u00a0: elle aura lieu le 7 avril 2027, matin (9\u00a0h – 12\u00a0h\u00a030), à distance',
    ],
    links: [calendarUrl, 'mailto:alize@indre.example.org'],
  },
  'half-day cancelled, to the SME': {
    facts: ['Claire O’Neil', 'Berry Aéro <Composants>', 'le 31 mars 2027, après-midi', 'est annulée'],
    links: [calendarUrl, 'mailto:alize@indre.example.org'],
  },
};

describe('the missions’ mails, in HTML', () => {
  it.each(Object.entries(mails))('%s: tells in HTML what the text tells, links as links', (name, mail) => {
    // Given the mail rendered from values with markup in them
    const { facts, links: expected } = essentials[name as keyof typeof mails];
    // When a mail client shows its HTML part, and another its text part
    const shown = readableText(mail.html);
    // Then both tell the same facts, as typed
    for (const fact of facts) {
      expect(mail.text).toContain(fact);
      expect(shown).toContain(fact);
    }
    // And each address of the text is a link of the HTML
    expect(links(mail.html)).toEqual(expect.arrayContaining(expected));
    expect(mail.text).toContain(expected[0]);
    // In French, for screen readers and hyphenation, with French typography
    expect(mail.html).toMatch(/^<!doctype html>\s*<html lang="fr">/);
    expect(typographyFaults(shown)).toEqual([]);
    expect(typographyFaults(mail.subject)).toEqual([]);
  });

  it.each(Object.entries(mails))('%s: escapes what people typed, never sends it as markup', (name, mail) => {
    // Given values holding tags, ampersands and quotes: only the frame's own tags are in the HTML
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<Composants>');
    expect(mail.html).not.toContain('"la gérante"');
    // And the company's name, where the mail names it, is written escaped
    if (essentials[name as keyof typeof mails].facts.includes(companyName)) {
      expect(mail.html).toContain('Dupont &#38; Fils &#60;b&#62;');
    }
    expect(mail.html).not.toContain('Dupont & Fils');
  });

  it('escapes the links’ ampersands, as an attribute must be', () => {
    expect(mails['SME’s introduction'].html).toContain(
      'href="https://alize.example.org/api/missions/calendar?t=eyJhbGciOiJIUzI1NiJ9.e30.c2ln&#38;v=2"',
    );
    expect(mails['12-month follow-up'].html).toContain(
      'href="https://alize.example.org/bilan/?t=eyJhbGciOiJIUzI1NiJ9.e30.c2ln&#38;role=sme"',
    );
  });
});
