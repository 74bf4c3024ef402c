import { describe, expect, it } from 'vitest';
import { startApplicationMission } from '../../functions/use-cases/missions/mission-launch.ts';
import {
  createApplicationMission,
  planMissionIntervention,
} from '../../functions/use-cases/missions/staff-missions.ts';
import { missionDependencies } from '../../functions/wiring/mission-mail.ts';
import { personKeyMaker } from '../../functions/wiring/person-keys.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { type RouteDefinition, routeKey, routes } from '../../shared/routes.ts';
import type { InboxView } from '../../shared/staff-api.ts';
import { poster, validApplication, validPartnerOffer } from '../support/form-posts.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { storedRecipients } from '../support/mail-lists.ts';
import { givenApplication, givenVolunteer, isoDayFromToday, newMission } from '../support/missions.ts';
import { claire as claireActor } from '../support/staff-actors.ts';
import { bearer, staffApi, staffTokens } from '../support/staff-tokens.ts';

/**
 * The other half of the authorization matrix: with a valid token, what each staff route lets each
 * person do with a resource of Indre. Its own staff: done; Cher's staff: 404, as if it did not exist;
 * the national coordination: reads, and changes nothing (404). Every staff route must have its case
 * here, so a new route is not forgotten.
 */
// Many posts from one address: the hourly limit is not what is tested here.
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const post = poster(cloud);

const claire = 'claire.bernard@initiative-indre.example.org';
const paul = 'paul.girard@cher-entreprendre.example.org';
const nadia = 'nadia.roussel@astrees.example.org';

interface Fixture {
  application: string;
  /** The address the application was sent from. */
  email: string;
  committee: string;
  held: () => Promise<string>;
  /** A new record of Indre's directory (version 1), made by Claire, and a new partner offer of Indre. */
  partner: () => Promise<string>;
  competence: () => Promise<string>;
  volunteer: () => Promise<string>;
  offer: () => Promise<string>;
}

interface Case {
  /** The path with Indre's resource in it, and the body, built from the fixture. */
  request: (fixture: Fixture) => Promise<{ path: string; body?: unknown }>;
  /** What Indre's staff get; Cher's staff get 404 unless `listsOwn` (a list of their own network). */
  indre: number;
  /** A list route answers Cher's staff with Cher's own items: checked to hold none of Indre's. */
  listsOwn?: boolean;
  /** What the national coordination gets: 200 for a read, 404 for a change. */
  national: number;
  /** What Cher's staff get when not a 404: naming Indre's partner in their own record is a 400 by field. */
  cher?: { status: number; field: string };
  /**
   * The national coordination's own route (the suppressed addresses, which belong to no network):
   * every network's staff, Indre's as Cher's, get 404 (a 403 would be CloudFront's 404 page) and its
   * French reason.
   */
  nationalOnly?: true;
}

/** A well-formed SIRET (Luhn) no other fiche of the run has: one SIRET is one partner in a network. */
let siretSeed = 0;
const freshSiret = () => {
  const prefix = `92${String(Date.now() % 1e8).padStart(8, '0')}${String(++siretSeed).padStart(3, '0')}`;
  const luhn = (digits: string) =>
    [...digits].reverse().reduce((total, char, index) => {
      const value = Number(char) * (index % 2 === 1 ? 2 : 1);
      return total + (value > 9 ? value - 9 : value);
    }, 0);
  const check = [...'0123456789'].find((digit) => luhn(`${prefix}${digit}`) % 10 === 0);
  return `${prefix}${check}`;
};
const aPartner = () => ({
  name: 'Fonderie du Centre',
  siret: freshSiret(),
  sector: 'Métallurgie',
  contact: { firstName: 'Agnès', lastName: 'Lemaire', email: 'agnes.lemaire@fonderie.example.com' },
});
const aCompetence = () => ({
  category: 'quality',
  label: 'Préparer un audit client',
  partnerIds: ['indre-aero'],
});
const aVolunteer = () => ({
  partnerId: 'indre-aero',
  firstName: 'Léa',
  lastName: 'Fontaine',
  role: 'Ingénieure qualité',
  email: 'lea.fontaine@aero.example.com',
  competences: ['indre-iso-9001'],
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
let dayOffset = 40;

const cases: Record<string, Case> = {
  'GET /api/staff/me': {
    request: async () => ({ path: '/api/staff/me' }),
    indre: 200,
    listsOwn: true,
    national: 200,
  },
  'GET /api/staff/applications': {
    request: async () => ({ path: '/api/staff/applications' }),
    indre: 200,
    listsOwn: true,
    national: 200,
  },
  'POST /api/staff/applications': {
    request: async () => ({
      path: '/api/staff/applications',
      body: { ...validApplication(), source: 'met-by-staff' },
    }),
    indre: 201,
    // Cher's staff may record, but not a company of Indre: the postcode is refused by name.
    national: 400,
  },
  'GET /api/staff/applications/{reference}': {
    request: async (f) => ({ path: `/api/staff/applications/${f.application}` }),
    indre: 200,
    national: 200,
  },
  'POST /api/staff/applications/{reference}/transitions': {
    request: async (f) => ({
      path: `/api/staff/applications/${f.application}/transitions`,
      body: { to: 'qualified', version: 1 },
    }),
    indre: 200,
    national: 404,
  },
  'POST /api/staff/applications/{reference}/notes': {
    request: async (f) => ({
      path: `/api/staff/applications/${f.application}/notes`,
      body: { text: 'Appelée ce matin.' },
    }),
    indre: 201,
    national: 404,
  },
  'PUT /api/staff/applications/{reference}/opinion': {
    request: async (f) => ({
      path: `/api/staff/applications/${f.application}/opinion`,
      body: { opinion: 'Projet solide.' },
    }),
    indre: 200,
    national: 404,
  },
  'GET /api/staff/committees': {
    request: async () => ({ path: '/api/staff/committees' }),
    indre: 200,
    listsOwn: true,
    national: 200,
  },
  'POST /api/staff/committees': {
    request: async () => ({ path: '/api/staff/committees', body: { date: inDays(dayOffset++) } }),
    indre: 201,
    // Cher's staff schedule for Cher: their own committee, never Indre's.
    listsOwn: true,
    national: 404,
  },
  'GET /api/staff/committees/{id}': {
    request: async (f) => ({ path: `/api/staff/committees/${f.committee}` }),
    indre: 200,
    national: 200,
  },
  'POST /api/staff/committees/{id}/decisions': {
    request: async (f) => ({
      path: `/api/staff/committees/${f.committee}/decisions`,
      body: { decisions: [{ reference: f.application, version: 1, decision: 'approved' }] },
    }),
    indre: 200,
    national: 404,
  },
  'GET /api/staff/quarantine': {
    request: async () => ({ path: '/api/staff/quarantine' }),
    indre: 200,
    listsOwn: true,
    national: 200,
  },
  'POST /api/staff/quarantine/{reference}/release': {
    request: async (f) => ({ path: `/api/staff/quarantine/${await f.held()}/release` }),
    indre: 201,
    national: 404,
  },
  'DELETE /api/staff/quarantine/{reference}': {
    request: async (f) => ({ path: `/api/staff/quarantine/${await f.held()}` }),
    indre: 204,
    national: 404,
  },
  'GET /api/staff/people': {
    request: async (f) => ({ path: `/api/staff/people?email=${encodeURIComponent(f.email)}` }),
    indre: 200,
    // Cher's staff search too, and find nothing of Indre's.
    listsOwn: true,
    national: 200,
  },
  'POST /api/staff/records/{reference}/anonymisation': {
    request: async (f) => ({
      path: `/api/staff/records/${f.application}/anonymisation`,
      body: { reason: 'Demande de la personne.' },
    }),
    indre: 200,
    national: 404,
  },
  'GET /api/staff/exports/applications': {
    request: async () => {
      const year = new Date().getFullYear();
      return { path: `/api/staff/exports/applications?from=${year - 1}-01-01&to=${year + 1}-12-31` };
    },
    indre: 200,
    // Without a network: the file of the networks in scope, Cher's own for Cher's staff.
    listsOwn: true,
    national: 200,
  },
  'GET /api/staff/exports/missions': {
    request: async () => {
      const year = new Date().getFullYear();
      return { path: `/api/staff/exports/missions?from=${year - 1}-01-01&to=${year + 1}-12-31` };
    },
    indre: 200,
    // Without a network: the file of the networks in scope, Cher's own for Cher's staff.
    listsOwn: true,
    national: 200,
  },
  'GET /api/staff/exports/interventions': {
    request: async () => {
      const year = new Date().getFullYear();
      return { path: `/api/staff/exports/interventions?from=${year - 1}-01-01&to=${year + 1}-12-31` };
    },
    indre: 200,
    // Without a network: the file of the networks in scope, Cher's own for Cher's staff.
    listsOwn: true,
    national: 200,
  },
  'GET /api/staff/partners': {
    request: async () => ({ path: '/api/staff/partners' }),
    indre: 200,
    listsOwn: true,
    national: 200,
  },
  'POST /api/staff/partners': {
    request: async () => ({ path: '/api/staff/partners', body: aPartner() }),
    indre: 201,
    // Cher's staff add partners to Cher: their own, never Indre's.
    listsOwn: true,
    national: 404,
  },
  'GET /api/staff/partners/{id}': {
    request: async () => ({ path: '/api/staff/partners/indre-aero?network=indre' }),
    indre: 200,
    national: 200,
  },
  'PUT /api/staff/partners/{id}': {
    request: async (f) => ({
      path: `/api/staff/partners/${await f.partner()}?network=indre`,
      body: { ...aPartner(), version: 1 },
    }),
    indre: 200,
    national: 404,
  },
  'PUT /api/staff/partners/{id}/status': {
    request: async (f) => ({
      path: `/api/staff/partners/${await f.partner()}/status?network=indre`,
      body: { status: 'retired', version: 1 },
    }),
    indre: 200,
    national: 404,
  },
  'GET /api/staff/competences': {
    request: async () => ({ path: '/api/staff/competences' }),
    indre: 200,
    listsOwn: true,
    national: 200,
  },
  'POST /api/staff/competences': {
    request: async () => ({ path: '/api/staff/competences', body: aCompetence() }),
    indre: 201,
    cher: { status: 400, field: 'partnerIds.0' },
    national: 404,
  },
  'PUT /api/staff/competences/{id}': {
    request: async (f) => ({
      path: `/api/staff/competences/${await f.competence()}?network=indre`,
      body: { ...aCompetence(), label: 'Un intitulé revu', version: 1 },
    }),
    indre: 200,
    national: 404,
  },
  'PUT /api/staff/competences/{id}/status': {
    request: async (f) => ({
      path: `/api/staff/competences/${await f.competence()}/status?network=indre`,
      body: { status: 'retired', version: 1 },
    }),
    indre: 200,
    national: 404,
  },
  'GET /api/staff/volunteers': {
    request: async () => ({ path: '/api/staff/volunteers' }),
    indre: 200,
    listsOwn: true,
    national: 200,
  },
  'POST /api/staff/volunteers': {
    request: async () => ({ path: '/api/staff/volunteers', body: aVolunteer() }),
    indre: 201,
    cher: { status: 400, field: 'partnerId' },
    national: 404,
  },
  'PUT /api/staff/volunteers/{id}': {
    request: async (f) => ({
      path: `/api/staff/volunteers/${await f.volunteer()}?network=indre`,
      body: { ...aVolunteer(), role: 'Acheteuse', version: 1 },
    }),
    indre: 200,
    national: 404,
  },
  'PUT /api/staff/volunteers/{id}/status': {
    request: async (f) => ({
      path: `/api/staff/volunteers/${await f.volunteer()}/status?network=indre`,
      body: { status: 'retired', version: 1 },
    }),
    indre: 200,
    national: 404,
  },
  'GET /api/staff/partner-offers': {
    request: async () => ({ path: '/api/staff/partner-offers' }),
    indre: 200,
    listsOwn: true,
    national: 200,
  },
  'POST /api/staff/partner-offers/{reference}/partner': {
    request: async (f) => ({
      path: `/api/staff/partner-offers/${await f.offer()}/partner`,
      body: { sector: 'Aéronautique' },
    }),
    indre: 201,
    national: 404,
  },
  'GET /api/staff/applications/{reference}/missions': {
    request: async () => ({ path: `/api/staff/applications/${(await aMission()).reference}/missions` }),
    indre: 200,
    national: 200,
  },
  'POST /api/staff/applications/{reference}/missions': {
    request: async () => ({
      path: `/api/staff/applications/${await givenApplication('approved')}/missions`,
      body: newMission(await givenVolunteer()),
    }),
    indre: 201,
    national: 404,
  },
  'GET /api/staff/missions/{id}': {
    request: async () => ({ path: `/api/staff/missions/${(await aMission()).id}` }),
    indre: 200,
    national: 200,
  },
  'PATCH /api/staff/missions/{id}': {
    request: async () => ({
      path: `/api/staff/missions/${(await aMission()).id}`,
      body: { version: 1, plannedHalfDays: 6 },
    }),
    indre: 200,
    national: 404,
  },
  'POST /api/staff/missions/{id}/start': {
    request: async () => ({
      path: `/api/staff/missions/${(await aMission()).id}/start`,
      body: { version: 1 },
    }),
    indre: 200,
    national: 404,
  },
  'POST /api/staff/missions/{id}/interventions': {
    request: async () => ({
      path: `/api/staff/missions/${(await aMission()).id}/interventions`,
      body: { version: 1, date: isoDayFromToday(3), slot: 'morning' },
    }),
    indre: 201,
    national: 404,
  },
  'POST /api/staff/missions/{id}/interventions/{interventionId}': {
    request: async () => {
      const mission = await aMission('with a half-day');
      return {
        path: `/api/staff/missions/${mission.id}/interventions/I1`,
        body: { action: 'cancel', version: mission.version },
      };
    },
    indre: 200,
    national: 404,
  },
  'POST /api/staff/missions/{id}/closing': {
    request: async () => {
      const mission = await aMission('started');
      return {
        path: `/api/staff/missions/${mission.id}/closing`,
        body: {
          mode: 'outcomes',
          version: mission.version,
          sme: { jobsCreated: 0, jobsMaintained: 3, satisfaction: 4 },
        },
      };
    },
    indre: 200,
    national: 404,
  },
  'GET /api/staff/suppressions': {
    request: async () => ({ path: '/api/staff/suppressions' }),
    indre: 404,
    national: 200,
    nationalOnly: true,
  },
  'POST /api/staff/suppressions/{key}/lift': {
    request: async () => {
      const address = `bloquee-${Date.now()}-${posted++}@staff-scope.example.fr`;
      const key = await personKeyMaker().of(address);
      await storedRecipients(cloud).suppress(
        key,
        { address, reason: 'bounce', detail: 'General', at: new Date().toISOString() },
        new Date(),
      );
      return { path: `/api/staff/suppressions/${key}/lift`, body: { version: 1 } };
    },
    indre: 404,
    national: 200,
    nationalOnly: true,
  },
  'GET /api/staff/missions/{id}/calendar': {
    request: async () => ({ path: `/api/staff/missions/${(await aMission()).id}/calendar` }),
    indre: 200,
    national: 200,
  },
  // Indre's month: Cher's staff are told it does not exist; the national coordination reads it.
  'GET /api/staff/stats': {
    request: async () => ({ path: '/api/staff/stats?network=indre' }),
    indre: 200,
    national: 200,
  },
};

/** A mission of Indre, made through the use cases: new, with a half-day planned, or started. */
const aMission = async (stage: 'new' | 'with a half-day' | 'started' = 'new') => {
  const deps = missionDependencies();
  const reference = await givenApplication('approved');
  let mission = await createApplicationMission(
    deps,
    claireActor,
    reference,
    newMission(await givenVolunteer()),
    new Date(),
  );
  if (stage === 'with a half-day') {
    const plan = { version: 1, date: isoDayFromToday(2), slot: 'morning' };
    mission = await planMissionIntervention(deps, claireActor, mission.id, plan, new Date());
  }
  if (stage === 'started') {
    mission = await startApplicationMission(deps, claireActor, mission.id, { version: 1 }, new Date());
  }
  return mission;
};

const staffRoutes = (routes as readonly RouteDefinition[]).filter((route) => route.access === 'staff');

/** A new application each time: the same body twice would be the same submission (idempotency). */
let posted = 0;
const anApplication = () => {
  const application = validApplication();
  application.contact.email = `gerant-${++posted}@staff-scope.example.fr`;
  return application;
};

const fixture = async (): Promise<Fixture> => {
  const application = anApplication();
  const submitted = await post.json('/api/applications', application);
  const committee = await call(claire, 'POST', '/api/staff/committees', { date: inDays(dayOffset++) });
  return {
    application: submitted.json().reference as string,
    email: String(application.contact.email),
    committee: (await committee.json()).id as string,
    held: async () => {
      const answer = await post.json('/api/applications', { ...anApplication(), comment: 'autofill' });
      return answer.json().reference as string;
    },
    partner: async () => (await (await call(claire, 'POST', '/api/staff/partners', aPartner())).json()).id,
    competence: async () =>
      (await (await call(claire, 'POST', '/api/staff/competences', aCompetence())).json()).id,
    volunteer: async () =>
      (await (await call(claire, 'POST', '/api/staff/volunteers', aVolunteer())).json()).id,
    offer: async () => {
      const offer = validPartnerOffer();
      offer.company.siret = freshSiret();
      offer.contact.email = `drh-${++posted}@staff-scope.example.com`;
      return (await post.json('/api/partners', offer)).json().reference as string;
    },
  };
};

const call = staffApi(cloud);

describe('what each staff route lets each network do', () => {
  it('has a case for every staff route', () => {
    expect(Object.keys(cases).sort()).toEqual(staffRoutes.map(routeKey).sort());
  });

  describe.each(staffRoutes.map((route) => [routeKey(route), route] as const))('%s', (key, route) => {
    const rule = cases[key] as Case;

    it('hides Indre’s resource from Cher’s staff', async () => {
      const { path, body } = await rule.request(await fixture());
      const answer = await call(paul, route.method, path, body);
      if (rule.nationalOnly) {
        expect(answer.status).toBe(404);
        expect((await answer.json()).message).toContain('gérées par la coordination nationale');
      } else if (rule.listsOwn) {
        expect(answer.status).toBeLessThan(300);
        expect(await answer.text()).not.toMatch(/ALZ-36-|"network":"indre"|indre-/);
      } else if (rule.cher) {
        expect(answer.status).toBe(rule.cher.status);
        expect((await answer.json()).errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: rule.cher.field })]),
        );
      } else if (key === 'POST /api/staff/applications') {
        expect(answer.status).toBe(400);
        expect((await answer.json()).errors).toEqual([
          expect.objectContaining({
            field: 'company.postcode',
            message: expect.stringContaining('Alizé Indre'),
          }),
        ]);
      } else {
        expect(answer.status).toBe(404);
        expect((await answer.json()).message).toMatch(/n’existe pas|n’est plus en quarantaine/);
      }
    });

    it('lets the national coordination read, and change nothing', async () => {
      const { path, body } = await rule.request(await fixture());
      const answer = await call(nadia, route.method, path, body);
      expect(answer.status).toBe(rule.national);
    });

    it('lets Indre’s own staff do it', async () => {
      const f = await fixture();
      // A decision needs the application on the committee's agenda first.
      if (key === 'POST /api/staff/committees/{id}/decisions') {
        await call(claire, 'POST', `/api/staff/applications/${f.application}/transitions`, {
          to: 'qualified',
          version: 1,
        });
        await call(claire, 'POST', `/api/staff/applications/${f.application}/transitions`, {
          to: 'scheduled',
          version: 2,
          committeeId: f.committee,
        });
        const answer = await call(claire, 'POST', `/api/staff/committees/${f.committee}/decisions`, {
          decisions: [{ reference: f.application, version: 3, decision: 'approved' }],
        });
        expect(answer.status).toBe(200);
        expect((await answer.json()).results).toEqual([expect.objectContaining({ outcome: 'recorded' })]);
        return;
      }
      const { path, body } = await rule.request(f);
      const answer = await call(claire, route.method, path, body);
      expect(answer.status).toBe(rule.indre);
    });
  });

  it('shows the national coordination every network’s inbox', async () => {
    const answer = await call(nadia, 'GET', '/api/staff/applications');
    const inbox = (await answer.json()) as InboxView;
    expect(new Set(inbox.items.map((item) => item.network))).toEqual(new Set(['indre', 'cher']));
  });
});

describe('an application recorded by staff, sent twice', () => {
  it('is recorded once for the same Idempotency-Key, and refused with another body', async () => {
    const token = await staffTokens(cloud().issuer).access(claire);
    const send = (body: unknown) =>
      fetch(`${cloud().urls.site}/api/staff/applications`, {
        method: 'POST',
        headers: {
          ...bearer(token),
          accept: 'application/json',
          'content-type': 'application/json',
          'idempotency-key': 'nouvelle-candidature-1',
        },
        body: JSON.stringify(body),
      });
    const application = { ...anApplication(), source: 'met-by-staff' };
    const first = await send(application);
    const again = await send(application);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const reference = (await first.json()).reference as string;
    expect((await again.json()).reference).toBe(reference);

    const other = await send({
      ...application,
      project: { ...application.project, title: 'Un autre projet' },
    });
    expect(other.status).toBe(422);
    expect((await other.json()).error).toBe('idempotency_key_reused');
  });
});
