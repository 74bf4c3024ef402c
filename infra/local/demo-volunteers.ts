import { demoCompetences, demoPartners } from '../../shared/demo-catalogue.ts';
import type { VolunteerRecord } from '../../shared/partners.ts';

/**
 * Two employees of each demo partner company who run missions, for the local cloud: made-up people
 * (any likeness to a real person is unintended) with `example.com` mailboxes, each able to bring the
 * competences their company offers. Ids name the company and a number, never the person.
 */
const people = [
  ['Léa', 'Fontaine', 'Ingénieure qualité'],
  ['Karim', 'Benali', 'Responsable de production'],
  ['Camille', 'Rousseau', 'Chargée de recrutement'],
  ['Antoine', 'Mercier', 'Contrôleur de gestion'],
  ['Manon', 'Lambert', 'Cheffe de projet numérique'],
  ['Hugo', 'Garnier', 'Technicien de maintenance'],
  ['Sarah', 'Chevalier', 'Responsable export'],
  ['Julien', 'Faure', 'Responsable logistique'],
  ['Inès', 'Roche', 'Juriste'],
  ['Romain', 'Blanc', 'Acheteur'],
  ['Chloé', 'Guérin', 'Responsable HSE'],
  ['Maxime', 'Boyer', 'Analyste financier'],
] as const;

const seededAt = '2026-01-05T08:00:00.000Z';
const seededBy = { id: 'demo', name: 'Données de démonstration' };

const mailbox = (firstName: string, lastName: string, partnerEmail: string) => {
  const domain = partnerEmail.split('@')[1] ?? 'example.com';
  const local = `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return `${local}@${domain}`;
};

export const demoVolunteers: VolunteerRecord[] = demoPartners.flatMap((partner, partnerIndex) => {
  const offered = demoCompetences
    .filter((competence) => competence.partnerIds.includes(partner.id))
    .map((competence) => competence.id);
  return [0, 1].map((rank): VolunteerRecord => {
    const [firstName, lastName, role] = people[
      (partnerIndex * 2 + rank) % people.length
    ] as (typeof people)[number];
    return {
      id: `${partner.network}-v-${partner.id.slice(partner.network.length + 1)}-${rank + 1}`,
      network: partner.network,
      partnerId: partner.id,
      firstName,
      lastName,
      role,
      email: mailbox(firstName, lastName, partner.contact.email),
      // The first brings every competence its company offers, the second the first two.
      competences: rank === 0 ? offered : offered.slice(0, 2),
      status: 'active',
      createdAt: seededAt,
      updatedAt: seededAt,
      version: 1,
      history: [{ at: seededAt, actor: seededBy, change: 'created' }],
    };
  });
});
