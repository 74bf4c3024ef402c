import { describe, expect, it } from 'vitest';
import { StaleVersionError } from '../../functions/domain/applications/lifecycle.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../functions/domain/errors.ts';
import { readApplication } from '../../functions/use-cases/applications/read-applications.ts';
import {
  createCompetence,
  listCompetences,
  setCompetenceStatus,
  updateCompetence,
} from '../../functions/use-cases/directory/competences.ts';
import type { DirectoryDeps } from '../../functions/use-cases/directory/dependencies.ts';
import {
  convertPartnerOffer,
  listPartnerOffers,
} from '../../functions/use-cases/directory/partner-offers.ts';
import {
  createPartner,
  getPartner,
  listPartners,
  setPartnerStatus,
  updatePartner,
} from '../../functions/use-cases/directory/partners.ts';
import {
  createVolunteer,
  listVolunteers,
  setVolunteerStatus,
  updateVolunteer,
} from '../../functions/use-cases/directory/volunteers.ts';
import { exportPerson } from '../../functions/use-cases/privacy/export-person.ts';
import { directoryDependencies } from '../../functions/wiring/directory.ts';
import { privacyDependencies } from '../../functions/wiring/privacy.ts';
import { staffReadDependencies } from '../../functions/wiring/staff.ts';
import { readSettingsFile } from '../../infra/config.ts';
import type { CatalogueResponse } from '../../shared/catalogue.ts';
import { demoPartners } from '../../shared/demo-catalogue.ts';
import type { PartnerInput } from '../../shared/partners.ts';
import { poster, validApplication, validPartnerOffer } from '../support/form-posts.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { claire, nadia, paul } from '../support/staff-actors.ts';
import { staffApi } from '../support/staff-tokens.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * The network's directory through the real use cases against dynalite, and over HTTP where what
 * matters is what a visitor or a staff member's browser reads: partners, competences and volunteers
 * added, edited, retired, each change with its version and audit line; the public catalogue reading
 * them live; a partner offer of the site made a partner once, however often it is asked.
 */
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const post = poster(cloud);
const deps = () => directoryDependencies();

/** A well-formed SIRET (Luhn) that no other test uses. */
let siretSeed = 0;
const freshSiret = () => {
  const prefix = `91${String(Date.now() % 1e8).padStart(8, '0')}${String(++siretSeed).padStart(3, '0')}`;
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${prefix}${digit}`;
    const sum = [...candidate].reverse().reduce((total, char, index) => {
      const value = Number(char) * (index % 2 === 1 ? 2 : 1);
      return total + (value > 9 ? value - 9 : value);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
};

const aPartner = (name = 'Fonderie de Déols'): PartnerInput => ({
  name,
  siret: freshSiret(),
  sector: 'Métallurgie',
  contact: {
    firstName: 'Agnès',
    lastName: 'Lemaire',
    role: 'Responsable RSE',
    email: 'agnes.lemaire@fonderie-deols.example.com',
  },
});

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the request was not refused');
};

const catalogueOf = async (network: string) => {
  const answer = await fetch(`${cloud().urls.site}/api/catalogue?network=${network}`);
  expect(answer.status).toBe(200);
  return (await answer.json()) as CatalogueResponse;
};

const staff = staffApi(cloud);
const staffCall = (email: string, method: string, path: string, body?: unknown, key?: string) =>
  staff(email, method, path, body, key ? { 'idempotency-key': key } : {});
const claireEmail = 'claire.bernard@initiative-indre.example.org';

describe('partner companies', () => {
  it('are added with version 1, edited on the version read, each change with its audit line', async () => {
    const created = await createPartner(deps(), claire, aPartner(), new Date());
    expect(created).toMatchObject({ network: 'indre', status: 'active', version: 1 });
    expect(created.id).toMatch(/^indre-fonderie-de-deols-[a-z0-9]{6}$/);
    expect(created.history).toEqual([
      expect.objectContaining({ change: 'created', actor: expect.objectContaining({ id: claire.id }) }),
    ]);

    const edited = await updatePartner(
      deps(),
      claire,
      created.id,
      { ...aPartner('Fonderie de Déols SAS'), siret: created.siret, version: 1 },
      {},
      new Date(),
    );
    expect(edited).toMatchObject({ id: created.id, name: 'Fonderie de Déols SAS', version: 2 });
    expect(edited.history.map((line) => line.change)).toEqual(['created', 'updated']);

    const view = await getPartner(deps(), claire, created.id, {});
    expect(view.partner).toEqual(edited);
    expect(view.editable).toBe(true);
  });

  it('answers a stale version with the fiche as it is now, over HTTP a 409', async () => {
    const created = await createPartner(deps(), claire, aPartner('Tuilerie de Levroux'), new Date());
    await updatePartner(
      deps(),
      claire,
      created.id,
      { ...aPartner('Tuilerie de Levroux'), siret: created.siret, version: 1 },
      {},
      new Date(),
    );

    const lost = await refusal(
      updatePartner(
        deps(),
        claire,
        created.id,
        { ...aPartner('Autre nom'), siret: created.siret, version: 1 },
        {},
        new Date(),
      ),
    );
    expect(lost).toBeInstanceOf(StaleVersionError);
    expect((lost as StaleVersionError).current).toMatchObject({ version: 2, name: 'Tuilerie de Levroux' });
    expect(typographyFaults(lost.message)).toEqual([]);

    const answer = await staffCall(claireEmail, 'PUT', `/api/staff/partners/${created.id}/status`, {
      status: 'retired',
      version: 1,
    });
    expect(answer.status).toBe(409);
    const body = await answer.json();
    expect(body.error).toBe('stale_version');
    expect(body.current).toMatchObject({ id: created.id, version: 2, status: 'active' });
    expect((await getPartner(deps(), claire, created.id, {})).partner.status).toBe('active');
  });

  it('refuses a second partner with the same SIRET in the network', async () => {
    const first = await createPartner(deps(), claire, aPartner('Verrerie du Blanc'), new Date());
    const again = await refusal(
      createPartner(deps(), claire, { ...aPartner('Verrerie du Blanc bis'), siret: first.siret }, new Date()),
    );
    expect(again).toBeInstanceOf(ConflictError);
    expect(again.message).toContain('Verrerie du Blanc');
    expect(typographyFaults(again.message)).toEqual([]);
  });

  it('are changed by their network’s staff only; the national coordination reads them', async () => {
    const created = await createPartner(deps(), claire, aPartner('Scierie de Valençay'), new Date());
    await expect(getPartner(deps(), paul, created.id, { network: 'indre' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getPartner(deps(), paul, created.id, {})).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPartner(deps(), nadia, created.id, { network: 'indre' })).editable).toBe(false);
    await expect(
      setPartnerStatus(
        deps(),
        nadia,
        created.id,
        { status: 'retired', version: 1 },
        { network: 'indre' },
        new Date(),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(createPartner(deps(), nadia, aPartner(), new Date())).rejects.toBeInstanceOf(NotFoundError);
    const cherList = await listPartners(deps(), paul, {});
    expect(cherList.partners.every((partner) => partner.network === 'cher')).toBe(true);
    const all = await listPartners(deps(), nadia, {});
    expect(new Set(all.partners.map((partner) => partner.network))).toEqual(new Set(['indre', 'cher']));
  });

  it('once retired, vanish from the public catalogue with the competences only they offered, and come back reinstated', async () => {
    const partner = await createPartner(deps(), claire, aPartner('Imprimerie d’Argenton'), new Date());
    const competence = await createCompetence(
      deps(),
      claire,
      {
        category: 'digital',
        label: 'Imprimer sans gaspiller',
        description: 'Réglages, papier, encres.',
        partnerIds: [partner.id, 'indre-aero'],
      },
      new Date(),
    );
    const alone = await createCompetence(
      deps(),
      claire,
      { category: 'production', label: 'Relier des ouvrages à la main', partnerIds: [partner.id] },
      new Date(),
    );
    const before = await catalogueOf('indre');
    expect(before.competences.find((c) => c.id === competence.id)?.partners).toEqual([
      'Imprimerie d’Argenton',
      'Berry Aéro Composants',
    ]);

    const retired = await setPartnerStatus(
      deps(),
      claire,
      partner.id,
      { status: 'retired', version: 1 },
      {},
      new Date(),
    );
    expect(retired).toMatchObject({ status: 'retired', version: 2 });
    expect(retired.history.at(-1)).toMatchObject({ change: 'retired' });
    const after = await catalogueOf('indre');
    expect(after.competences.find((c) => c.id === competence.id)?.partners).toEqual([
      'Berry Aéro Composants',
    ]);
    expect(after.competences.some((c) => c.id === alone.id)).toBe(false);
    expect(JSON.stringify(after)).not.toContain('Imprimerie d’Argenton');

    const twice = await refusal(
      setPartnerStatus(deps(), claire, partner.id, { status: 'retired', version: 2 }, {}, new Date()),
    );
    expect(twice).toBeInstanceOf(ConflictError);
    expect(twice.message).toBe('Cette entreprise partenaire est déjà retirée.');

    await setPartnerStatus(deps(), claire, partner.id, { status: 'active', version: 2 }, {}, new Date());
    expect((await catalogueOf('indre')).competences.some((c) => c.id === alone.id)).toBe(true);
  });

  it('is recorded once when the same Idempotency-Key is sent twice', async () => {
    const body = aPartner('Coutellerie de Châtillon');
    const first = await staffCall(claireEmail, 'POST', '/api/staff/partners', body, 'nouveau-partenaire-1');
    const again = await staffCall(claireEmail, 'POST', '/api/staff/partners', body, 'nouveau-partenaire-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const id = (await first.json()).id;
    expect((await again.json()).id).toBe(id);
    const named = (await listPartners(deps(), claire, {})).partners.filter((p) => p.name === body.name);
    expect(named).toHaveLength(1);
  });

  it('refuses a fiche with a bad SIRET by name, in French, with nothing stored', async () => {
    const answer = await staffCall(claireEmail, 'POST', '/api/staff/partners', {
      ...aPartner('Sans SIRET valable'),
      siret: '12345678901234',
    });
    expect(answer.status).toBe(400);
    const body = await answer.json();
    expect(body.errors).toEqual([expect.objectContaining({ field: 'siret' })]);
    expect(
      (await listPartners(deps(), claire, {})).partners.some((p) => p.name === 'Sans SIRET valable'),
    ).toBe(false);
  });
});

describe('competences', () => {
  it('added in the back office show in GET /api/catalogue at once, edited keep their id, retired vanish', async () => {
    const created = await staffCall(claireEmail, 'POST', '/api/staff/competences', {
      category: 'quality',
      label: 'Préparer un audit de fournisseur',
      description: 'Ce que l’auditeur regarde, et comment s’y préparer.',
      partnerIds: ['indre-aero'],
    });
    expect(created.status).toBe(201);
    const competence = await created.json();
    expect(competence).toMatchObject({ network: 'indre', version: 1, status: 'active' });
    expect((await catalogueOf('indre')).competences).toContainEqual(
      expect.objectContaining({
        id: competence.id,
        label: 'Préparer un audit de fournisseur',
        partners: ['Berry Aéro Composants'],
      }),
    );
    expect((await catalogueOf('cher')).competences.some((c) => c.id === competence.id)).toBe(false);

    const edited = await updateCompetence(
      deps(),
      claire,
      competence.id,
      {
        category: 'quality',
        label: 'Réussir un audit de fournisseur',
        partnerIds: ['indre-aero', 'indre-pharma'],
        version: 1,
      },
      {},
      new Date(),
    );
    expect(edited).toMatchObject({ id: competence.id, version: 2 });
    expect((await catalogueOf('indre')).competences.find((c) => c.id === competence.id)).toMatchObject({
      label: 'Réussir un audit de fournisseur',
      partners: ['Berry Aéro Composants', 'Laboratoires du Val d’Indre'],
    });

    await setCompetenceStatus(
      deps(),
      claire,
      competence.id,
      { status: 'retired', version: 2 },
      {},
      new Date(),
    );
    expect((await catalogueOf('indre')).competences.some((c) => c.id === competence.id)).toBe(false);
    const staffList = await listCompetences(deps(), claire, {});
    expect(staffList.competences.find((c) => c.id === competence.id)).toMatchObject({
      status: 'retired',
      version: 3,
      history: [
        expect.objectContaining({ change: 'created' }),
        expect.objectContaining({ change: 'updated' }),
        expect.objectContaining({ change: 'retired' }),
      ],
    });
  });

  it('must name an active partner of their own network', async () => {
    const partner = await createPartner(deps(), claire, aPartner('Poterie de la Borne'), new Date());
    await setPartnerStatus(deps(), claire, partner.id, { status: 'retired', version: 1 }, {}, new Date());

    const foreign = await refusal(
      createCompetence(
        deps(),
        claire,
        { category: 'hr', label: 'Une compétence de Cher', partnerIds: ['cher-meca'] },
        new Date(),
      ),
    );
    expect(foreign).toBeInstanceOf(InvalidInputError);
    expect((foreign as InvalidInputError).errors).toEqual([
      { field: 'partnerIds.0', message: 'Cette entreprise partenaire n’existe pas dans votre réseau.' },
    ]);

    const retired = await refusal(
      createCompetence(
        deps(),
        claire,
        { category: 'hr', label: 'Tourner une poterie', partnerIds: [partner.id] },
        new Date(),
      ),
    );
    expect((retired as InvalidInputError).errors[0]?.message).toContain('retirée');

    const none = await staffCall(claireEmail, 'POST', '/api/staff/competences', {
      category: 'hr',
      label: 'Personne',
      partnerIds: [],
    });
    expect(none.status).toBe(400);
    const body = await none.json();
    expect(body.errors[0].message).toBe(
      'Choisissez au moins une entreprise partenaire qui offre cette compétence.',
    );
    expect(
      (await listCompetences(deps(), claire, {})).competences.some((c) => c.label === 'Tourner une poterie'),
    ).toBe(false);
  });

  it('retired still show their label on the applications that asked for them', async () => {
    const competence = await createCompetence(
      deps(),
      claire,
      { category: 'finance', label: 'Négocier avec son banquier', partnerIds: ['indre-banque'] },
      new Date(),
    );
    const application = validApplication();
    application.contact.email = 'gerant-directory@directory.example.fr';
    application.project.competences = [competence.id];
    const answer = await post.json('/api/applications', application);
    expect(answer.status).toBe(201);
    const reference = answer.json().reference as string;
    await setCompetenceStatus(
      deps(),
      claire,
      competence.id,
      { status: 'retired', version: 1 },
      {},
      new Date(),
    );

    const view = await readApplication(staffReadDependencies(), claire, reference);
    expect(view.project.competences).toEqual([{ id: competence.id, label: 'Négocier avec son banquier' }]);
  });
});

describe('volunteers', () => {
  const aVolunteer = (partnerId: string, competences: string[] = ['indre-iso-9001']) => ({
    partnerId,
    firstName: 'Léa',
    lastName: 'Fontaine',
    role: 'Ingénieure qualité',
    email: 'lea.fontaine@berryaerocomposants.example.com',
    competences,
  });

  it('belong to an active partner of the network, name competences of its catalogue, and keep their history once retired', async () => {
    const volunteer = await createVolunteer(deps(), claire, aVolunteer('indre-aero'), new Date());
    // No name in the id: it travels in addresses and access logs.
    expect(volunteer.id).toMatch(/^indre-v-[a-z0-9]{6}$/);
    expect(volunteer).toMatchObject({ partnerId: 'indre-aero', version: 1, status: 'active' });

    const edited = await updateVolunteer(
      deps(),
      claire,
      volunteer.id,
      {
        ...aVolunteer('indre-aero', ['indre-iso-9001', 'indre-lean']),
        role: 'Responsable qualité',
        version: 1,
      },
      {},
      new Date(),
    );
    expect(edited).toMatchObject({
      role: 'Responsable qualité',
      competences: ['indre-iso-9001', 'indre-lean'],
      version: 2,
    });

    const retired = await setVolunteerStatus(
      deps(),
      claire,
      volunteer.id,
      { status: 'retired', version: 2 },
      {},
      new Date(),
    );
    expect(retired.history.map((line) => line.change)).toEqual(['created', 'updated', 'retired']);
    const listed = await listVolunteers(deps(), claire, { partner: 'indre-aero' });
    expect(listed.volunteers.find((v) => v.id === volunteer.id)).toMatchObject({
      status: 'retired',
      firstName: 'Léa',
      role: 'Responsable qualité',
    });
    expect((await getPartner(deps(), claire, 'indre-aero', {})).volunteers.map((v) => v.id)).toContain(
      volunteer.id,
    );
  });

  it('are refused for a retired or foreign partner and for a competence outside the catalogue', async () => {
    const partner = await createPartner(deps(), claire, aPartner('Ganterie de Buzançais'), new Date());
    await setPartnerStatus(deps(), claire, partner.id, { status: 'retired', version: 1 }, {}, new Date());
    const retired = await refusal(createVolunteer(deps(), claire, aVolunteer(partner.id), new Date()));
    expect((retired as InvalidInputError).errors).toEqual([
      {
        field: 'partnerId',
        message:
          'Cette entreprise partenaire est retirée\u00a0: rattachez le salarié volontaire à une entreprise active.',
      },
    ]);
    const foreign = await refusal(createVolunteer(deps(), paul, aVolunteer('indre-aero', []), new Date()));
    expect((foreign as InvalidInputError).errors[0]?.field).toBe('partnerId');
    const unknown = await refusal(
      createVolunteer(deps(), claire, aVolunteer('indre-aero', ['cher-lean']), new Date()),
    );
    expect((unknown as InvalidInputError).errors).toEqual([
      { field: 'competences.0', message: 'Cette compétence n’est pas au catalogue de votre réseau.' },
    ]);
  });
});

describe('the people of the directory', () => {
  it('are found by the person export from the address they hold, in their network only', async () => {
    // Given a volunteer and a partner whose contact are recorded in Indre
    const volunteer = await createVolunteer(
      deps(),
      claire,
      {
        partnerId: 'indre-aero',
        firstName: 'Inès',
        lastName: 'Carré',
        role: 'Acheteuse',
        email: `ines.carre.${Date.now()}@berryaerocomposants.example.com`,
        competences: [],
      },
      new Date(),
    );
    const partner = await createPartner(deps(), claire, aPartner('Tuilerie de Levroux'), new Date());

    // When the staff export what is held about each address, typed in capitals
    const found = await exportPerson(
      privacyDependencies(),
      claire,
      { email: volunteer.email.toUpperCase() },
      new Date(),
    );
    const contact = await exportPerson(
      privacyDependencies(),
      claire,
      { email: partner.contact.email },
      new Date(),
    );

    // Then each is found under its own kind, with its fields in French
    expect(found.records.map((record) => record.kindLabel)).toEqual(['Salarié volontaire']);
    const fields = found.records[0]?.sections.flatMap((section) => section.fields) ?? [];
    expect(fields).toContainEqual({ label: 'Adresse électronique', value: volunteer.email });
    expect(contact.records.map((record) => record.kindLabel)).toContain('Entreprise partenaire');
    // And another network's staff find nothing
    expect(
      (await exportPerson(privacyDependencies(), paul, { email: volunteer.email }, new Date())).records,
    ).toEqual([]);
  });
});

describe('a partner offer received from the site', () => {
  const offered = async (name: string) => {
    const offer = validPartnerOffer();
    offer.company.name = name;
    offer.company.siret = freshSiret();
    offer.contact.email = `drh-${Date.now()}@${name.toLowerCase().replace(/[^a-z]/g, '')}.example.com`;
    const answer = await post.json('/api/partners', offer);
    expect(answer.status).toBe(201);
    return { reference: answer.json().reference as string, offer };
  };

  it('becomes a partner in one step: name, SIRET and contact from the offer, the sector typed, the offer closed with its line', async () => {
    const { reference, offer } = await offered('Menuiseries Industrielles du Berry');
    const waiting = await listPartnerOffers(deps(), claire, {});
    expect(waiting.offers.find((o) => o.reference === reference)).toMatchObject({
      status: 'received',
      version: 1,
    });

    const { partner, offer: closed } = await convertPartnerOffer(
      deps(),
      claire,
      reference,
      { sector: 'Menuiserie industrielle' },
      new Date(),
    );
    expect(partner).toMatchObject({
      id: `indre-${reference.toLowerCase()}`,
      network: 'indre',
      name: 'Menuiseries Industrielles du Berry',
      siret: offer.company.siret,
      sector: 'Menuiserie industrielle',
      contact: { firstName: 'Paul', lastName: 'Durand', role: 'DRH', email: offer.contact.email },
      fromOffer: reference,
      version: 1,
    });
    expect(partner.history).toEqual([expect.objectContaining({ change: 'created', fromOffer: reference })]);
    expect(closed).toMatchObject({ status: 'closed', version: 2, partnerId: partner.id });
    expect(closed.history.at(-1)).toMatchObject({
      from: 'received',
      to: 'closed',
      actor: { id: claire.id, name: claire.name },
      reason: 'Devenue l’entreprise partenaire «\u00a0Menuiseries Industrielles du Berry\u00a0».',
    });
  });

  it('asked twice, or over HTTP after the first, gives the same partner, not two', async () => {
    const { reference } = await offered('Chaudronnerie de Vatan');
    const first = await convertPartnerOffer(
      deps(),
      claire,
      reference,
      { sector: 'Chaudronnerie' },
      new Date(),
    );
    const second = await convertPartnerOffer(
      deps(),
      claire,
      reference,
      { sector: 'Chaudronnerie' },
      new Date(),
    );
    expect(second.partner).toEqual(first.partner);
    const overHttp = await staffCall(claireEmail, 'POST', `/api/staff/partner-offers/${reference}/partner`, {
      sector: 'Chaudronnerie',
    });
    expect(overHttp.status).toBe(201);
    expect((await overHttp.json()).partner.id).toBe(first.partner.id);
    const named = (await listPartners(deps(), claire, {})).partners.filter(
      (p) => p.name === 'Chaudronnerie de Vatan',
    );
    expect(named).toHaveLength(1);
    expect(second.offer.history.filter((line) => line.to === 'closed')).toHaveLength(1);
  });

  it('after a crash between the partner and the offer’s close, a retry finishes the close with the same partner', async () => {
    const { reference } = await offered('Briqueterie de Reuilly');
    const crashing: DirectoryDeps = {
      ...deps(),
      partnerOffers: {
        ...deps().partnerOffers,
        move: async () => {
          throw new Error('the function stopped here');
        },
      },
    };
    await expect(
      convertPartnerOffer(crashing, claire, reference, { sector: 'Terre cuite' }, new Date()),
    ).rejects.toThrow('the function stopped here');
    const halfway = (await listPartnerOffers(deps(), claire, {})).offers.find(
      (o) => o.reference === reference,
    );
    expect(halfway?.status).toBe('received');

    const retried = await convertPartnerOffer(
      deps(),
      claire,
      reference,
      { sector: 'Terre cuite' },
      new Date(),
    );
    expect(retried.offer.status).toBe('closed');
    expect(retried.partner.id).toBe(`indre-${reference.toLowerCase()}`);
    expect(
      (await listPartners(deps(), claire, {})).partners.filter((p) => p.name === 'Briqueterie de Reuilly'),
    ).toHaveLength(1);
  });

  it('is converted by its network’s staff only', async () => {
    const { reference } = await offered('Tonnellerie de Mézières');
    await expect(
      convertPartnerOffer(deps(), paul, reference, { sector: 'Tonnellerie' }, new Date()),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      convertPartnerOffer(deps(), nadia, reference, { sector: 'Tonnellerie' }, new Date()),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await listPartnerOffers(deps(), paul, {})).offers.some((o) => o.reference === reference)).toBe(
      false,
    );
    expect((await listPartnerOffers(deps(), nadia, {})).offers.some((o) => o.reference === reference)).toBe(
      true,
    );
    const missingSector = await refusal(convertPartnerOffer(deps(), claire, reference, {}, new Date()));
    expect(missingSector.name).toBe('$ZodError');
  });
});

describe('the demo data of the local cloud', () => {
  it('gives every demo partner two volunteers, on example.com, with competences of its catalogue', async () => {
    for (const demo of demoPartners) {
      const actor = demo.network === 'indre' ? claire : paul;
      const view = await getPartner(deps(), actor, demo.id, {});
      const catalogue = new Set(view.catalogue.map((competence) => competence.id));
      // Other tests add volunteers of their own to the demo partners.
      const seeded = view.volunteers.filter((volunteer) => volunteer.history[0]?.actor.id === 'demo');
      expect(seeded, demo.name).toHaveLength(2);
      for (const volunteer of seeded) {
        expect(volunteer.id).not.toContain(volunteer.lastName.toLowerCase());
        expect(volunteer.email).toMatch(/^[a-z.]+@[a-z]+\.example\.com$/);
        expect(volunteer.competences.length).toBeGreaterThan(0);
        for (const id of volunteer.competences) expect(catalogue.has(id), id).toBe(true);
      }
    }
  });
});
