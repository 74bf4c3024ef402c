import { beforeEach, describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import {
  poster,
  storedData,
  validContactMessage,
  validPartnerOffer,
  withField,
  year,
} from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';

const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 1000 } } });
const api = poster(cloud);
const stored = storedData(cloud);
const mail = () => mailbox(cloud().urls.mailViewer);
const withKey = () => ({ 'idempotency-key': crypto.randomUUID() });

describe('POST /api/partners', () => {
  beforeEach(async () => {
    await mail().clear();
  });

  it('records a company’s offer for the network of its commune, and tells both sides', async () => {
    // Given a large company of Issoudun (Indre)
    const before = await stored.counter('partner-offer', '36');

    // When it offers its employees' skills
    const response = await api.json('/api/partners', validPartnerOffer(), withKey());

    // Then it gets a partner reference and the Indre network
    expect(response.status).toBe(201);
    const reference = `PART-36-${year()}-${String(before + 1).padStart(4, '0')}`;
    expect(response.json()).toEqual({ reference, network: { id: 'indre', name: 'Alizé Indre' } });
    const record = await stored.partnerOffers().get(reference);
    expect(record?.submission).toMatchObject({
      network: 'indre',
      status: 'received',
      data: { company: { communeCode: '36088', communeName: 'Issoudun' }, offer: { volunteers: 4 } },
    });
    expect(record?.submission.history.map((entry) => entry.to)).toEqual(['received']);

    // And the contact and the staff each get their mail
    const mails = await mail().all();
    const acknowledgement = mails.find((m) => m.destination.to.includes('paul.durand@berry-aero.example.fr'));
    const notification = mails.find((m) => m.destination.to.includes('alize@initiative-indre.example.org'));
    expect(acknowledgement?.subject).toBe(
      `Votre proposition de partenariat Alizé ${reference} est bien enregistrée`,
    );
    expect(acknowledgement?.body.text).toContain('Salariés volontaires\u00a0: 4');
    expect(acknowledgement?.body.text).toContain('/donnees-personnelles/');
    expect(notification?.subject).toBe(
      `[Alizé Indre] Nouvelle proposition de partenariat ${reference}\u00a0: Berry Aéro Composants`,
    );
    expect(notification?.replyTo).toEqual(['paul.durand@berry-aero.example.fr']);
    expect(notification?.body.text).toContain('Qualité\n  Production et logistique');
  });

  it('refuses an offer with no volunteer, naming the field, and stores nothing', async () => {
    const before = await stored.counter('partner-offer', '36');

    const response = await api.json(
      '/api/partners',
      withField(validPartnerOffer(), 'offer.volunteers', 0),
      withKey(),
    );

    expect(response.status).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'offer.volunteers', message: expect.any(String) }]);
    expect(await stored.counter('partner-offer', '36')).toBe(before);
    expect(await mail().all()).toEqual([]);
  });

  it('sends a company outside every territory to the national contact', async () => {
    const offer = withField(
      withField(validPartnerOffer(), 'company.postcode', '69001'),
      'company.city',
      'Lyon',
    );

    const response = await api.json('/api/partners', offer, withKey());

    expect(response.status).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'company.postcode', message: expect.stringContaining('contact@alize.example.org') },
    ]);
  });

  it('answers a browser without JavaScript with a French page', async () => {
    const response = await api.form(
      '/api/partners',
      withField(validPartnerOffer(), 'contact.lastName', 'Page'),
    );

    expect(response.status).toBe(201);
    expect(response.text).toContain('<h1>Votre proposition est bien enregistrée</h1>');
    expect(response.text).toMatch(new RegExp(`PART-36-${year()}-\\d{4}`));
  });
});

describe('POST /api/contact', () => {
  beforeEach(async () => {
    await mail().clear();
  });

  it('goes to the network the person chose', async () => {
    const response = await api.json('/api/contact', { ...validContactMessage(), network: 'cher' }, withKey());

    expect(response.status).toBe(201);
    expect(response.json()).toEqual({
      reference: expect.stringMatching(new RegExp(`^MSG-18-${year()}-\\d{4}$`)),
      network: { id: 'cher', name: 'Alizé Cher' },
    });
    const mails = await mail().all();
    const staff = mails.find((m) => m.destination.to.includes('alize@cher-entreprendre.example.org'));
    expect(staff?.replyTo).toEqual(['sophie.bernard@example.fr']);
    expect(staff?.body.text).toContain('je voudrais savoir si mon entreprise');
  });

  it('goes to the network of the postcode when none was chosen', async () => {
    const response = await api.json(
      '/api/contact',
      { ...validContactMessage(), postcode: '36200' },
      withKey(),
    );

    expect(response.status).toBe(201);
    expect(response.json()).toMatchObject({
      reference: expect.stringMatching(/^MSG-36-/),
      network: { id: 'indre', name: 'Alizé Indre' },
    });
    const record = await stored.contactMessages().get(response.json().reference as string);
    expect(record?.submission).toMatchObject({
      network: 'indre',
      data: { postcode: '36200', departement: '36' },
    });
  });

  it('goes to the national contact without a network or a postcode', async () => {
    const response = await api.json('/api/contact', validContactMessage(), withKey());

    expect(response.status).toBe(201);
    const body = response.json();
    expect(body).toEqual({
      reference: expect.stringMatching(new RegExp(`^MSG-FR-${year()}-\\d{4}$`)),
      network: null,
    });
    const record = await stored.contactMessages().get(body.reference as string);
    expect(record?.submission.network).toBe('national');
    const mails = await mail().all();
    expect(mails.map((m) => m.destination.to).sort()).toEqual([
      ['coordination@astrees.example.org'],
      ['sophie.bernard@example.fr'],
    ]);
    const acknowledgement = mails.find((m) => m.destination.to.includes('sophie.bernard@example.fr'));
    expect(acknowledgement?.body.text).toContain('la coordination nationale d’Alizé');
    expect(acknowledgement?.replyTo).toEqual(['coordination@astrees.example.org']);
    // Sent and signed by the national coordination, with its public contact
    expect(acknowledgement?.from).toMatch(/<coordination@alize\.example\.org>$/);
    expect(acknowledgement?.body.text).toContain('contact@alize.example.org');
  });

  it('refuses a network that does not exist, naming the field, and stores nothing', async () => {
    const before = await stored.counter('contact-message', 'FR');

    const response = await api.json(
      '/api/contact',
      { ...validContactMessage(), network: 'paris' },
      withKey(),
    );

    expect(response.status).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'network', message: expect.stringMatching(/n’existe pas/) },
    ]);
    expect(await stored.counter('contact-message', 'FR')).toBe(before);
    expect(await mail().all()).toEqual([]);
  });

  it('answers a browser without JavaScript with a French page, errors linked to /contact/', async () => {
    const accepted = await api.form('/api/contact', withField(validContactMessage(), 'name', 'Sophie Page'));
    const refused = await api.form('/api/contact', withField(validContactMessage(), 'message', 'court'));

    expect(accepted.status).toBe(201);
    expect(accepted.text).toContain('<h1>Votre message est bien envoyé</h1>');
    expect(accepted.text).toContain('la coordination nationale d’Alizé');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<a href="/contact/#message">');
    expect(refused.text).toContain('<a class="back" href="/contact/">Revenir au formulaire</a>');
  });

  it('answers a bot like anyone, and sends nothing', async () => {
    const response = await api.json(
      '/api/contact',
      { ...validContactMessage(), comment: 'promo' },
      withKey(),
    );

    expect(response.status).toBe(201);
    expect(response.json()).toEqual({ reference: expect.stringMatching(/^MSG-FR-/), network: null });
    expect(await mail().all()).toEqual([]);
  });
});
