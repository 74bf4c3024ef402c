import { beforeEach, describe, expect, it } from 'vitest';
import { referencePattern } from '../../functions/domain/public-forms/reference.ts';
import { readSettingsFile } from '../../infra/config.ts';
import type { ApplicationInput } from '../../shared/application.ts';
import { poster, storedData, urlEncoded, validApplication, withField, year } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';

// Many posts come from one address here: the rate limit has its own file (form-rate-limit.test.ts).
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const api = poster(cloud);
const stored = storedData(cloud);
const mail = () => mailbox(cloud().urls.mailViewer);

/** As the enhanced page does: JSON, with a new Idempotency-Key per form load unless the test gives one. */
const submit = (application: unknown, headers: Record<string, string> = {}) =>
  api.json('/api/applications', application, { 'idempotency-key': crypto.randomUUID(), ...headers });

const indreStaff = 'alize@initiative-indre.example.org';

/** What must not move when a submission is refused: records, sequence numbers, mail. */
const snapshot = async () => ({
  indre: (await stored.applications().listByNetworkAndStatus('indre', 'received')).length,
  cher: (await stored.applications().listByNetworkAndStatus('cher', 'received')).length,
  sequence36: await stored.counter('application', '36'),
  sequence18: await stored.counter('application', '18'),
  mails: (await mail().all()).length,
});

describe('POST /api/applications', () => {
  beforeEach(async () => {
    await mail().clear();
  });

  describe('a valid application', () => {
    it('is recorded once under a reference, routed to the network of its commune, and acknowledged', async () => {
      // Given an SME of Châteauroux whose name holds an ampersand and whose project title holds markup
      const application = withField(
        withField(validApplication(), 'company.name', '« Martin & Fils »'),
        'project.title',
        'Certifier <b>ISO 9001</b> & plus',
      );
      const before = await stored.counter('application', '36');

      // When it applies
      const response = await submit(application);

      // Then it gets its reference and its network
      expect(response.status).toBe(201);
      const body = response.json();
      expect(body).toEqual({
        reference: `ALZ-36-${year()}-${String(before + 1).padStart(4, '0')}`,
        network: { id: 'indre', name: 'Alizé Indre' },
      });
      const reference = body.reference as string;
      expect(reference).toMatch(referencePattern);

      // And the application is stored once, received, with its commune and an audit line
      const record = await stored.applications().get(reference);
      expect(record?.submission).toMatchObject({
        reference,
        network: 'indre',
        status: 'received',
        data: {
          company: { name: '« Martin & Fils »', siret: '73282932000074', communeCode: '36044' },
          contact: { email: 'claire.martin@menuiserie.example.fr' },
          project: { competences: ['indre-iso-9001', 'indre-lean'] },
        },
      });
      expect(new Date(record?.submission.createdAt ?? '').toISOString()).toBe(record?.submission.createdAt);
      expect(record?.submission.history).toEqual([
        {
          to: 'received',
          at: record?.submission.createdAt,
          actor: { id: 'public-form', name: 'Formulaire du site' },
        },
      ]);
      expect(record?.submission).toMatchObject({ version: 1, source: 'public-form' });
      const listed = await stored.applications().listByNetworkAndStatus('indre', 'received');
      expect(listed.filter((a) => a.reference === reference)).toHaveLength(1);

      // And two mails went out: the acknowledgement to the SME, the notification to the network's staff
      const mails = await mail().all();
      expect(mails).toHaveLength(2);
      const acknowledgement = mails.find((m) =>
        m.destination.to.includes('claire.martin@menuiserie.example.fr'),
      );
      const notification = mails.find((m) => m.destination.to.includes(indreStaff));
      expect(acknowledgement?.subject).toBe(`Votre demande Alizé ${reference} est bien enregistrée`);
      expect(acknowledgement?.replyTo).toEqual([indreStaff]);
      // Sent by the network itself, not a no-reply address, and signed with its public contact
      for (const sent of [acknowledgement, notification]) {
        expect(sent?.from).toMatch(/<indre@alize\.example\.org>$/);
        expect(sent?.body.text).toContain('Alizé Indre, animé par Initiative Indre');
        expect(sent?.body.text).toContain('36000 Châteauroux');
        expect(sent?.body.text).toContain('contact@initiative-indre.example.org');
        expect(sent?.body.html).toContain('href="mailto:contact@initiative-indre.example.org"');
      }
      expect(acknowledgement?.body.text).toContain('Bonjour Claire Martin,');
      expect(acknowledgement?.body.text).toContain('comité d’agrément');
      expect(acknowledgement?.body.text).toContain('étalées sur 12 à 18 mois');
      expect(acknowledgement?.body.text).toContain('dans les 10 jours ouvrés');
      expect(acknowledgement?.body.text).toContain(`${cloud().urls.site}/donnees-personnelles/`);
      // The summary of what was sent, with the official names (NAF label, commune, competences)
      expect(acknowledgement?.body.text).toContain('SIRET\u00a0: 732\u00a0829\u00a0320\u00a000074');
      expect(acknowledgement?.body.text).toContain('16.23Z — Fabrication de charpentes');
      expect(acknowledgement?.body.text).toContain('Commune\u00a0: 36000 Châteauroux');
      expect(acknowledgement?.body.text).toContain('Préparer une certification ISO 9001');
      expect(acknowledgement?.body.text).toContain('Démarrage souhaité\u00a0: mars 2027');
      // User text is escaped in HTML
      expect(acknowledgement?.body.html).toContain('Certifier &#60;b&#62;ISO 9001&#60;/b&#62; &#38; plus');
      expect(acknowledgement?.body.html).toContain('« Martin &#38; Fils »');
      expect(acknowledgement?.body.html).not.toContain('<b>ISO');
      expect(acknowledgement?.body.html).toContain('<html lang="fr">');

      expect(notification?.subject).toBe(
        `[Alizé Indre] Nouvelle candidature ${reference}\u00a0: « Martin & Fils »`,
      );
      expect(notification?.replyTo).toEqual(['claire.martin@menuiserie.example.fr']);
      expect(notification?.body.html).toContain('Certifier &#60;b&#62;ISO 9001&#60;/b&#62;');
      expect(notification?.body.html).not.toContain('<b>ISO');
      expect(notification?.body.text).toContain('Nos clients de l’aéronautique');
      expect(notification?.body.text).toContain('code Insee 36044');
      expect(notification?.body.text).toContain('claire.martin@menuiserie.example.fr');
      // And it opens this very application in the back office, by an absolute link in both parts
      const applicationPage = `${cloud().urls.site}/espace-equipe/candidature/?ref=${reference}`;
      expect(notification?.body.text).toContain(
        `Pour la traiter dans l’espace équipe\u00a0: ${applicationPage}\n`,
      );
      expect(notification?.body.html).toContain(
        `<a href="${applicationPage}" style="color:#0b4f8a;font-weight:bold">Ouvrir la candidature dans l’espace équipe</a>`,
      );
      // The SME's acknowledgement has no business pointing at the back office
      expect(`${acknowledgement?.body.text}${acknowledgement?.body.html}`).not.toContain('/espace-equipe/');

      // And the outbox keeps them as sent, under ids derived from the reference
      expect(await stored.outbox().get(`${reference}:acknowledgement`, new Date())).toMatchObject({
        status: 'sent',
      });
      expect(await stored.outbox().get(`${reference}:staff`, new Date())).toMatchObject({ status: 'sent' });
    });

    it('numbers references per département: a Cher application starts its own sequence', async () => {
      // Given an SME of Bourges asking for a competence of the Cher catalogue
      const application = withField(
        withField(withField(validApplication(), 'company.postcode', '18000'), 'company.city', 'bourges'),
        'project.competences',
        ['cher-lean'],
      );
      const before = await stored.counter('application', '18');

      // When it applies
      const response = await submit(application);

      // Then the Cher network handles it, under a Cher reference
      expect(response.status).toBe(201);
      expect(response.json()).toEqual({
        reference: `ALZ-18-${year()}-${String(before + 1).padStart(4, '0')}`,
        network: { id: 'cher', name: 'Alizé Cher' },
      });
      const mails = await mail().all();
      expect(mails.flatMap((m) => m.destination.to)).toContain('alize@cher-entreprendre.example.org');
    });

    it.each([
      ['St-Gaultier', '36800', 'Saint-Gaultier'],
      ['CHATEAUROUX', '36000', 'Châteauroux'],
      ['Villentrois', '36600', 'Villentrois-Faverolles-en-Berry'],
    ])('finds the commune when the city is typed « %s »', async (city, postcode, official) => {
      const application = withField(
        withField(validApplication(), 'company.city', city),
        'company.postcode',
        postcode,
      );

      const response = await submit(application);

      expect(response.status).toBe(201);
      const record = await stored.applications().get(response.json().reference as string);
      expect(record?.submission.data.company.communeName).toBe(official);
    });

    it('accepts a SIRET of La Poste, whose digits follow La Poste’s own rule rather than Luhn’s', async () => {
      const response = await submit(withField(validApplication(), 'company.siret', '35600000000001'));

      expect(response.status).toBe(201);
    });

    it('recorded by staff on behalf of an SME, tells the network’s staff who did it and links to its page', async () => {
      // Given Claire of Initiative Indre, signed in, who met an SME of Châteauroux
      const claire = 'claire.bernard@initiative-indre.example.org';
      const token = await staffTokens(cloud().issuer).access(claire);
      const application = withField(validApplication(), 'contact.email', 'gerant@rencontre.example.fr');

      // When she records its application in the back office
      const response = await fetch(`${cloud().urls.api}/staff/applications`, {
        method: 'POST',
        headers: {
          ...bearer(token),
          accept: 'application/json',
          'content-type': 'application/json',
          'idempotency-key': crypto.randomUUID(),
        },
        body: JSON.stringify({ ...application, source: 'met-by-staff' }),
      });

      // Then it is recorded under an Indre reference
      expect(response.status).toBe(201);
      const reference = ((await response.json()) as { reference: string }).reference;
      expect(reference).toMatch(/^ALZ-36-/);

      // And the network's staff are told, by a mail naming her and opening the application's page
      const notification = (await mail().all()).find((m) => m.destination.to.includes(indreStaff));
      expect(notification?.subject).toBe(
        `[Alizé Indre] Nouvelle candidature ${reference}\u00a0: ${application.company.name}`,
      );
      expect(notification?.body.text).toContain(`${claire} a enregistré une demande d’accompagnement`);
      const applicationPage = `${cloud().urls.site}/espace-equipe/candidature/?ref=${reference}`;
      expect(notification?.body.text).toContain(
        `Pour la traiter dans l’espace équipe\u00a0: ${applicationPage}\n`,
      );
      expect(notification?.body.html).toContain(
        `<a href="${applicationPage}" style="color:#0b4f8a;font-weight:bold">Ouvrir la candidature dans l’espace équipe</a>`,
      );
    });
  });

  describe('an application with something to fix', () => {
    const lengthy = 'x'.repeat(3001);
    const cases: [string, string, (a: ApplicationInput) => ApplicationInput, RegExp][] = [
      [
        'a SIRET whose key is wrong',
        'company.siret',
        (a) => withField(a, 'company.siret', '73282932000075'),
        /n’existe pas/,
      ],
      [
        'a SIRET too short',
        'company.siret',
        (a) => withField(a, 'company.siret', '1234'),
        /14\u00a0chiffres/,
      ],
      [
        'a NAF code not in the official list',
        'company.nafCode',
        (a) => withField(a, 'company.nafCode', '99.99Z'),
        /nomenclature officielle/,
      ],
      [
        '250 employees',
        'company.employees',
        (a) => withField(a, 'company.employees', 250),
        /moins de 250\u00a0salariés\u00a0: .*d’autres dispositifs existent\. Contactez-nous/,
      ],
      [
        'a postcode that does not exist',
        'company.postcode',
        (a) => withField(a, 'company.postcode', '36999'),
        /ne trouvons pas le code postal 36999/,
      ],
      [
        'a city that is not one of its postcode’s communes',
        'company.city',
        (a) => withField(withField(a, 'company.postcode', '36100'), 'company.city', 'Bourges'),
        /«\u00a0Bourges\u00a0» n’est pas une commune du code postal 36100, qui dessert\u00a0: .*Issoudun.*Saint-Aoustrille/,
      ],
      [
        'a commune outside every network’s territory',
        'company.postcode',
        (a) => withField(withField(a, 'company.postcode', '75001'), 'company.city', 'Paris'),
        /pas encore de réseau dans votre département \(75\)\. Écrivez-nous à contact@alize\.example\.org/,
      ],
      [
        'no competence',
        'project.competences',
        (a) => withField(a, 'project.competences', []),
        /au moins une compétence/,
      ],
      [
        'six competences',
        'project.competences',
        (a) =>
          withField(a, 'project.competences', [
            'indre-iso-9001',
            'indre-lean',
            'indre-export',
            'indre-tresorerie',
            'indre-erp',
            'indre-gpec',
          ]),
        /au plus 5\u00a0compétences/,
      ],
      [
        'a competence of the other network',
        'project.competences',
        (a) => withField(a, 'project.competences', ['indre-lean', 'cher-lean']),
        /n’est pas proposée par Alizé Indre, le réseau de votre territoire/,
      ],
      [
        'a description too long',
        'project.description',
        (a) => withField(a, 'project.description', lengthy),
        /3000\u00a0caractères/,
      ],
      ['no consent', 'consent', (a) => withField(a, 'consent', undefined), /Votre accord est nécessaire/],
    ];

    it.each(cases)(
      'is refused for %s, naming %s, and nothing is stored',
      async (_case, field, change, message) => {
        // Given what is stored and sent so far
        const before = await snapshot();

        // When the application is sent with this mistake
        const response = await submit(change(validApplication()));

        // Then the answer names the field in French
        expect(response.status).toBe(400);
        const body = response.json();
        expect(body).toMatchObject({
          error: 'invalid_input',
          message: 'Certaines informations sont à corriger.',
        });
        expect(body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);

        // And nothing was stored, numbered or sent
        expect(await snapshot()).toEqual(before);
      },
    );

    it('lists every problem at once, schema rules and reference-data rules together, in the form’s order', async () => {
      const application = withField(
        withField(withField(validApplication(), 'company.nafCode', '99.99Z'), 'company.siret', '1'),
        'contact.email',
        'pas-une-adresse',
      );

      const response = await submit(application);

      expect(response.status).toBe(400);
      expect((response.json().errors as { field: string }[]).map((e) => e.field)).toEqual([
        'company.siret',
        'company.nafCode',
        'contact.email',
      ]);
    });

    it('keeps its sequence: the next valid application takes the very next number', async () => {
      // Given the last Indre number, and a refused application
      const last = await stored.counter('application', '36');
      expect((await submit(withField(validApplication(), 'company.nafCode', '00.00Z'))).status).toBe(400);

      // When a valid one follows
      const response = await submit(validApplication());

      // Then it takes the number right after the last one
      expect(response.json().reference).toBe(`ALZ-36-${year()}-${String(last + 1).padStart(4, '0')}`);
    });
  });

  describe('from a browser without JavaScript (url-encoded)', () => {
    it('answers a complete French page with the reference', async () => {
      // When the form's flat fields are posted, competences repeated
      const fields = urlEncoded(validApplication());
      expect(fields.getAll('project.competences')).toHaveLength(2);
      const response = await api.form('/api/applications', fields);

      // Then the page confirms, gives the reference and the network, and says what comes next
      expect(response.status).toBe(201);
      expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      const page = response.text;
      expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
      expect(page).toMatch(/<title>Votre demande est bien enregistrée – Alizé<\/title>/);
      expect(page.match(/<h1>/g)).toHaveLength(1);
      expect(page).toContain('<h1>Votre demande est bien enregistrée</h1>');
      expect(page).toMatch(new RegExp(`ALZ-36-${year()}-\\d{4}`));
      expect(page).toContain('Alizé Indre, le réseau Alizé de votre territoire, animé par Initiative Indre');
      expect(page).toContain('comité d’agrément');
      expect(page).not.toMatch(/<script/i);
    });

    it('lists the errors, each a link to its field on the form page, and a plain link back', async () => {
      const fields = urlEncoded(
        withField(withField(validApplication(), 'company.siret', '123'), 'consent', undefined),
      );

      const response = await api.form('/api/applications', fields);

      expect(response.status).toBe(400);
      const page = response.text;
      expect(page).toContain('<html lang="fr">');
      expect(page.match(/<h1>/g)).toHaveLength(1);
      expect(page).toContain(
        '<a href="/candidater/#company-siret">Le numéro SIRET compte 14\u00a0chiffres.</a>',
      );
      expect(page).toContain('<a href="/candidater/#consent">');
      expect(page).toContain('<a class="back" href="/candidater/">Revenir au formulaire</a>');
      expect(page).toContain('bouton Retour de votre navigateur');
      expect(page).not.toMatch(/javascript:|<script/i);
    });

    it('answers a JSON client with JSON even when it posts url-encoded fields', async () => {
      const fields = withField(validApplication(), 'project.title', `Projet ${crypto.randomUUID()}`);

      const response = await api.form('/api/applications', fields, {
        accept: 'application/json',
      });

      expect(response.status).toBe(201);
      expect(response.json().reference).toMatch(referencePattern);
    });
  });

  describe('requests the API refuses before reading them', () => {
    it('refuses a body over 32 KB with 413, storing nothing', async () => {
      const before = await snapshot();
      const huge = withField(validApplication(), 'project.description', 'é'.repeat(17_000));

      const response = await submit(huge);

      expect(response.status).toBe(413);
      expect(response.json()).toMatchObject({
        error: 'payload_too_large',
        message: expect.stringMatching(/32\u00a0Ko/),
      });
      expect(await snapshot()).toEqual(before);
    });

    it('explains a 413 in a French page to a browser without JavaScript', async () => {
      const response = await api.form(
        '/api/applications',
        withField(validApplication(), 'project.description', 'x'.repeat(33_000)),
      );

      expect(response.status).toBe(413);
      expect(response.text).toContain('<h1>Votre envoi est trop volumineux</h1>');
      expect(response.text).toContain('href="/candidater/"');
    });

    it('refuses text/plain with 415', async () => {
      const response = await api.post('/api/applications', JSON.stringify(validApplication()), {
        'content-type': 'text/plain',
      });

      expect(response.status).toBe(415);
      expect(response.json()).toMatchObject({
        error: 'unsupported_media_type',
        message: expect.stringMatching(/JSON/),
      });
    });

    it('explains a 415 in a French page to a browser that posted a multipart form', async () => {
      const response = await api.post('/api/applications', '--x--', {
        'content-type': 'multipart/form-data; boundary=x',
        accept: 'text/html',
      });

      expect(response.status).toBe(415);
      expect(response.text).toContain('<h1>Ce format d’envoi n’est pas accepté</h1>');
    });

    it('refuses JSON that is not an object with 400', async () => {
      const response = await api.post('/api/applications', '[1,2', { 'content-type': 'application/json' });

      expect(response.status).toBe(400);
      expect(response.json()).toMatchObject({ error: 'malformed_body' });
    });
  });

  describe('idempotency', () => {
    it('records a retry with the same Idempotency-Key once: same answer, one record, one set of mails', async () => {
      // Given a first submission with the key of one form load
      const key = crypto.randomUUID();
      const first = await submit(validApplication(), { 'idempotency-key': key });
      const sequence = await stored.counter('application', '36');

      // When the same key comes again
      const second = await submit(validApplication(), { 'idempotency-key': key });

      // Then the same answer, no new number, no new mail
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.json()).toEqual(first.json());
      expect(await stored.counter('application', '36')).toBe(sequence);
      expect(await mail().all()).toHaveLength(2);
    });

    it('records a double click (simultaneous posts, same key) once', async () => {
      const key = crypto.randomUUID();
      const before = await stored.counter('application', '36');

      const answers = await Promise.all(
        [1, 2, 3].map(() => submit(validApplication(), { 'idempotency-key': key })),
      );

      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((a) => a.json().reference)).size).toBe(1);
      expect(await stored.counter('application', '36')).toBe(before + 1);
      expect(await mail().all()).toHaveLength(2);
    });

    it('does not keep a 400 under the key: the corrected form, same key, is recorded', async () => {
      const key = crypto.randomUUID();

      const refused = await submit(withField(validApplication(), 'company.siret', '1'), {
        'idempotency-key': key,
      });
      const corrected = await submit(validApplication(), { 'idempotency-key': key });

      expect(refused.status).toBe(400);
      expect(corrected.status).toBe(201);
      expect(corrected.json().reference).toMatch(referencePattern);
    });

    it('records a no-JavaScript double submit (same body, no key) once', async () => {
      const fields = urlEncoded(
        withField(validApplication(), 'project.title', `Projet ${crypto.randomUUID()}`),
      );
      const before = await stored.counter('application', '36');

      const first = await api.form('/api/applications', fields);
      const second = await api.form('/api/applications', fields);

      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.text).toBe(first.text);
      expect(await stored.counter('application', '36')).toBe(before + 1);
      expect(await mail().all()).toHaveLength(2);
    });
  });

  describe('suspected bots', () => {
    it.each([
      ['fills the hidden comment field', 'honeypot', () => ({ comment: 'SuperPromo' })],
      ['posts 1 second after the form was shown', 'too-fast', () => ({ formStartedAt: Date.now() - 1000 })],
    ])(
      'a post that %s gets a 201 like anyone, is kept in quarantine, and nothing is mailed',
      async (_case, reason, trap) => {
        // Given what is listed and sent so far
        const before = await snapshot();
        const sequence = await stored.counter('application', '36');

        // When the suspicious post arrives (it may be a person whose browser filled the form)
        const posted = { ...validApplication(), ...trap() };
        const response = await submit(posted);

        // Then it is answered exactly as a real application is, so a bot learns nothing
        expect(response.status).toBe(201);
        const body = response.json();
        expect(body).toEqual({
          reference: `ALZ-36-${year()}-${String(sequence + 1).padStart(4, '0')}`,
          network: { id: 'indre', name: 'Alizé Indre' },
        });

        // And it is kept aside under that very reference, as posted, for 30 days, never listed as received nor mailed
        const held = await stored.quarantine().listHeld('indre', new Date());
        const kept = held.find((submission) => submission.reference === body.reference);
        expect(kept).toMatchObject({ form: 'application', network: 'indre', reason, fields: posted });
        const keptDays =
          (Date.parse(kept?.expiresAt ?? '') - Date.parse(kept?.receivedAt ?? '')) / 86_400_000;
        expect(keptDays).toBeCloseTo(30, 4);
        expect(await snapshot()).toEqual({ ...before, sequence36: sequence + 1 });
      },
    );

    it('is not lost when it was a person in a hurry: the staff hear of it with the next real application', async () => {
      // Given a person whose browser autofilled the form and who sent it within two seconds
      const hurried = await submit({
        ...withField(validApplication(), 'contact.email', `presse.${crypto.randomUUID()}@pme.example.fr`),
        formStartedAt: Date.now() - 2000,
      });
      expect(hurried.status).toBe(201);
      const waiting = await stored.quarantine().countHeld('indre', new Date());
      expect(waiting).toBeGreaterThan(0);

      // When the next real application of that network arrives
      await mail().clear();
      const next = await submit({ ...validApplication(), formStartedAt: Date.now() - 120_000 });

      // Then the hurried submission is still there, with the person's address, and unmailed
      expect(next.status).toBe(201);
      const kept = await stored.quarantine().listHeld('indre', new Date());
      expect(kept.map((k) => k.reference)).toContain(hurried.json().reference);
      const mails = await mail().all();
      expect(mails.flatMap((m) => m.destination.to).some((to) => to.startsWith('presse.'))).toBe(false);
      // And the staff notification says how many wait
      const notification = mails.find((m) => m.destination.to.includes(indreStaff));
      expect(notification?.body.text).toMatch(
        new RegExp(`À noter\u00a0: (un envoi|${waiting} envois) reçus? ces 30 derniers jours`),
      );
    });

    it('forgets a held submission after 30 days: no longer listed or counted', async () => {
      const response = await submit({ ...validApplication(), comment: 'promo' });
      const reference = response.json().reference as string;
      const in31Days = new Date(Date.now() + 31 * 86_400_000);

      const later = await stored.quarantine().listHeld('indre', in31Days);

      expect(later.map((k) => k.reference)).not.toContain(reference);
      expect(await stored.quarantine().countHeld('indre', in31Days)).toBe(0);
    });

    it('a person who took their time (formStartedAt a minute ago) is recorded', async () => {
      const response = await submit({ ...validApplication(), formStartedAt: Date.now() - 60_000 });

      expect(response.status).toBe(201);
      expect(await stored.applications().get(response.json().reference as string)).toBeDefined();
    });
  });
});
