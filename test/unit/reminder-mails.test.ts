import { describe, expect, it } from 'vitest';
import {
  renderHalfDayConfirmation,
  renderHalfDayReminder,
  renderStaffDigest,
} from '../../functions/email/templates/reminder-mails.ts';
import { readableText, typographyFaults } from '../support/typography.ts';

const network = {
  name: 'Alizé Indre',
  operator: 'Initiative Indre',
  contact: { address: ['36000 Châteauroux'], phone: '02 61 91 36 00', email: 'alize@indre.example.org' },
};
const halfDay = {
  date: '2027-03-31',
  slot: 'afternoon' as const,
  remote: false,
  place: 'Atelier, Châteauroux',
};

const renderings = {
  digest: renderStaffDigest({
    network,
    day: '2027-03-29',
    sections: [
      {
        title: 'Missions terminées à clôturer',
        lines: [
          {
            text: 'Imprimerie Blanc, fin prévue le 15 mars 2027',
            href: 'https://alize.example.org/espace-equipe/mission/?id=ALZ-36-2027-0001-M1',
            linkLabel: 'ALZ-36-2027-0001-M1',
          },
        ],
      },
    ],
  }),
  'volunteer reminder': renderHalfDayReminder({
    network,
    role: 'volunteer',
    recipient: { firstName: 'Lucas', lastName: 'Moreau' },
    other: { name: 'Claire Martin', reach: 'claire@pme.example.fr, tél. 02 54 00 00 00' },
    companyName: 'Menuiserie Martin',
    competence: 'Certification ISO 9001 : démarche qualité',
    halfDay,
    calendarUrl: 'https://alize.example.org/api/missions/calendar?t=abc',
  }),
  'SME reminder': renderHalfDayReminder({
    network,
    role: 'sme',
    recipient: { firstName: 'Claire', lastName: 'Martin' },
    other: { name: 'Lucas Moreau', reach: 'lucas@partenaire.example.com' },
    companyName: 'Menuiserie Martin',
    competence: 'Lean',
    halfDay: { ...halfDay, remote: true },
    calendarUrl: 'https://alize.example.org/api/missions/calendar?t=abc',
  }),
  confirmation: renderHalfDayConfirmation({
    network,
    role: 'volunteer',
    recipient: { firstName: 'Lucas', lastName: 'Moreau' },
    companyName: 'Menuiserie Martin',
    otherName: 'Julie Martin',
    halfDay,
    tookPlaceUrl: 'https://alize.example.org/demi-journee/?t=abc&reponse=oui',
    didNotTakePlaceUrl: 'https://alize.example.org/demi-journee/?t=abc&reponse=non',
    linkDays: 14,
  }),
  'SME confirmation': renderHalfDayConfirmation({
    network,
    role: 'sme',
    recipient: { firstName: 'Julie', lastName: 'Martin' },
    companyName: 'Menuiserie Martin',
    otherName: 'Lucas Moreau',
    halfDay: { ...halfDay, remote: true, place: undefined },
    tookPlaceUrl: 'https://alize.example.org/demi-journee/?t=def&reponse=oui',
    didNotTakePlaceUrl: 'https://alize.example.org/demi-journee/?t=def&reponse=non',
    linkDays: 14,
  }),
};

describe('the reminders’ mails', () => {
  it.each(Object.entries(renderings))(
    '%s: French typography in the subject, the HTML and the text',
    (_name, mail) => {
      expect(typographyFaults(mail.subject)).toEqual([]);
      expect(typographyFaults(mail.text)).toEqual([]);
      expect(typographyFaults(readableText(mail.html))).toEqual([]);
    },
  );

  it('counts what the digest has to say in its subject, and links each line', () => {
    expect(renderings.digest.subject).toBe('Le point du 29 mars 2027\u00a0: 1\u00a0chose à suivre');
    expect(renderings.digest.html).toContain(
      '<a href="https://alize.example.org/espace-equipe/mission/?id=ALZ-36-2027-0001-M1"',
    );
  });

  it('offers both answers the day after, in the text version too', () => {
    expect(renderings.confirmation.text).toContain(
      'La demi-journée a bien eu lieu\u00a0: https://alize.example.org/demi-journee/?t=abc&reponse=oui',
    );
    expect(renderings.confirmation.text).toContain(
      'Elle n’a pas eu lieu\u00a0: https://alize.example.org/demi-journee/?t=abc&reponse=non',
    );
    expect(renderings['SME confirmation'].subject).toBe(
      'Votre demi-journée Alizé du 31 mars 2027 a-t-elle eu lieu\u00a0?',
    );
    expect(renderings['SME confirmation'].text).toContain('avec Lucas Moreau');
    // The links are written into the HTML escaped, as an attribute must be.
    expect(renderings.confirmation.html).toContain(
      'href="https://alize.example.org/demi-journee/?t=abc&#38;reponse=oui"',
    );
    expect(renderings['SME reminder'].text).toContain('à distance');
  });
});
