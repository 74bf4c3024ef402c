import { beforeEach, describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { type FormName, forms } from '../../shared/forms.ts';
import {
  poster,
  storedData,
  urlEncoded,
  validApplication,
  validContactMessage,
  validPartnerOffer,
  withField,
} from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { rawRequester } from '../support/raw-request.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * Input no person types, posted the two ways a form arrives (JSON from the enhanced page, url-encoded
 * from a browser without JavaScript), to each form that has the field: every class is refused with a
 * 400 naming the field in French, and nothing is numbered, stored or mailed. Unusual but legitimate
 * input still goes through.
 */
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const api = poster(cloud);
const stored = storedData(cloud);
const mail = () => mailbox(cloud().urls.mailViewer);

const valid: Record<FormName, () => object> = {
  application: validApplication,
  partnerOffer: validPartnerOffer,
  contactMessage: validContactMessage,
};

/** Everything a refused post could have moved: sequences, listings, quarantine, mail. */
const snapshot = async () => {
  const counters = await Promise.all(
    ['application', 'partner-offer', 'contact-message'].flatMap((kind) =>
      ['36', '18', 'FR'].map((scope) => stored.counter(kind, scope)),
    ),
  );
  const now = new Date();
  return {
    counters,
    applications: (await stored.applications().listByNetworkAndStatus('indre', 'received')).length,
    offers: (await stored.partnerOffers().listByNetworkAndStatus('indre', 'received')).length,
    messages: (await stored.contactMessages().listByNetworkAndStatus('national', 'received')).length,
    held:
      (await stored.quarantine().countHeld('indre', now)) +
      (await stored.quarantine().countHeld('national', now)),
    mails: (await mail().all()).length,
  };
};

type Encoding = 'json' | 'url-encoded';

/** Posts a form both ways the site does, with a fresh idempotency key for JSON. */
const send = (form: FormName, body: object, encoding: Encoding) =>
  encoding === 'json'
    ? api.json(forms[form].endpoint, body, { 'idempotency-key': crypto.randomUUID() })
    : api.form(forms[form].endpoint, body, { accept: 'application/json' });

const expectRefused = async (
  response: Awaited<ReturnType<typeof send>>,
  field: string,
  message: RegExp,
  before: Awaited<ReturnType<typeof snapshot>>,
) => {
  expect(response.status).toBe(400);
  const body = response.json() as { error: string; errors: { field: string; message: string }[] };
  expect(body.error).toBe('invalid_input');
  expect(body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  expect(typographyFaults(body.errors[0]?.message ?? '')).toEqual([]);
  expect(await snapshot()).toEqual(before);
};

// [form, field, what is wrong, value, message]
type Case = [FormName, string, string, unknown, RegExp];

const singleLine: Case[] = [
  ['application', 'company.name', 'a NUL character', 'Menuiserie\u0000Martin', /caractère de contrôle/],
  [
    'application',
    'company.name',
    'an escape sequence',
    'Menuiserie \u001b[31mMartin',
    /caractère de contrôle/,
  ],
  ['application', 'company.name', 'a DEL', 'Menuiserie\u007f', /caractère de contrôle/],
  ['application', 'company.name', 'a C1 control', 'Menuiserie\u009bMartin', /caractère de contrôle/],
  ['application', 'company.name', 'a line break', 'Menuiserie\nMartin', /une seule ligne/],
  ['application', 'contact.lastName', 'a line separator', 'Mar\u2028tin', /une seule ligne/],
  ['application', 'contact.firstName', 'a paragraph separator', 'Clai\u2029re', /une seule ligne/],
  ['application', 'company.city', 'a right-to-left override', 'Ch\u202eâteauroux', /sens d’écriture/],
  ['application', 'project.title', 'a bidirectional isolate', 'Certifier \u2066ISO\u2069', /sens d’écriture/],
  ['application', 'contact.role', 'a direction mark', 'Gérante\u200f', /sens d’écriture/],
  [
    'application',
    'company.name',
    'only zero-width spaces',
    '\u200b\u200b\u200b',
    /que des caractères invisibles/,
  ],
  ['application', 'contact.lastName', 'only a blank letter', '\u3164', /que des caractères invisibles/],
  ['application', 'company.name', 'markup', 'Menuiserie <script>', /signes < et >/],
  ['application', 'contact.firstName', 'markup', '<b>Claire</b>', /signes < et >/],
  ['partnerOffer', 'company.name', 'markup', 'Berry <i>Aéro</i>', /signes < et >/],
  ['partnerOffer', 'contact.role', 'a NUL character', 'DRH\u0000', /caractère de contrôle/],
  ['contactMessage', 'name', 'markup', 'Sophie <img src=x>', /signes < et >/],
  ['contactMessage', 'organisation', 'markup', 'Atelier >_<', /signes < et >/],
  ['contactMessage', 'subject', 'a line break', 'Une question\r\nBcc: x@y.fr', /une seule ligne/],
  ['contactMessage', 'subject', 'a bell', 'Question\u0007', /caractère de contrôle/],
];

const multiLine: Case[] = [
  [
    'application',
    'project.description',
    'a NUL character',
    `${'Un projet assez long. '.repeat(3)}\u0000`,
    /caractère de contrôle/,
  ],
  [
    'application',
    'project.description',
    'a tabulation',
    `Ligne\tde tableau collée ${'x'.repeat(30)}`,
    /caractère de contrôle/,
  ],
  [
    'application',
    'project.description',
    'a right-to-left override',
    `Un projet ${'assez long '.repeat(4)}\u202e`,
    /sens d’écriture/,
  ],
  [
    'partnerOffer',
    'offer.skills',
    'an escape sequence',
    `Qualité\u001b[2J et lean, audits clients`,
    /caractère de contrôle/,
  ],
  ['partnerOffer', 'offer.message', 'a DEL', 'Bonjour\u007f', /caractère de contrôle/],
  [
    'contactMessage',
    'message',
    'a C1 control',
    'Bonjour, une question\u0090 sur Alizé',
    /caractère de contrôle/,
  ],
  [
    'contactMessage',
    'message',
    'only invisible characters',
    '\u200b\u2060\u200b\ufeff\u200b\u200b\u200b\u200b\u200b\u200b',
    /que des caractères invisibles/,
  ],
];

const numbers: Case[] = [
  ['application', 'company.employees', 'in hexadecimal', '0x0C', /chiffres seulement/],
  ['application', 'company.employees', 'with an exponent', '1e1', /chiffres seulement/],
  ['application', 'company.employees', 'with a plus sign', '+12', /chiffres seulement/],
  ['application', 'company.employees', 'with a minus sign', '-0', /chiffres seulement/],
  ['application', 'company.employees', 'with a decimal point', '12.0', /chiffres seulement/],
  ['application', 'company.employees', 'in Arabic-Indic digits', '١٢', /chiffres seulement/],
  ['application', 'project.jobsToMaintain', 'with a space inside', '1 2', /chiffres seulement/],
  ['application', 'company.createdYear', 'in octal', '0o3720', /chiffres seulement/],
  ['partnerOffer', 'offer.volunteers', 'in hexadecimal', '0x4', /chiffres seulement/],
];

const websites: Case[] = [
  [
    'application',
    'company.website',
    'without a scheme',
    'www.menuiserie.fr',
    /commencer par https:\/\/ ou http:\/\//,
  ],
  [
    'application',
    'company.website',
    'with another scheme',
    'javascript:alert(1)',
    /commencer par https:\/\//,
  ],
  ['application', 'company.website', 'without slashes', 'https:menuiserie.fr', /commencer par https:\/\//],
  ['application', 'company.website', 'without a host', 'https://', /n’est pas valide/],
  ['application', 'company.website', 'with a bare word for host', 'https://menuiserie', /n’est pas valide/],
  [
    'application',
    'company.website',
    'with a space',
    'https://menuiserie martin.fr',
    /ni espace, ni guillemet, ni chevron/,
  ],
  [
    'application',
    'company.website',
    'with a quote',
    'https://m.fr/"onmouseover="x',
    /ni espace, ni guillemet, ni chevron/,
  ],
  [
    'application',
    'company.website',
    'with angle brackets',
    'https://m.fr/<script>',
    /ni espace, ni guillemet, ni chevron/,
  ],
  ['application', 'company.website', 'with credentials', 'https://moi:secret@m.fr', /n’est pas valide/],
];

const identifiers: Case[] = [
  ['application', 'company.siret', 'made of zeros', '00000000000000', /neuf zéros/],
  ['application', 'company.siret', 'whose SIREN is zeros', '000 000 000 00018', /neuf zéros/],
  ['partnerOffer', 'company.siret', 'made of zeros', '000.000.000-00000', /neuf zéros/],
  [
    'application',
    'project.competences',
    'twice the same choice',
    ['indre-lean', 'indre-lean'],
    /qu’une fois/,
  ],
  ['partnerOffer', 'offer.categories', 'twice the same choice', ['quality', 'hr', 'quality'], /qu’une fois/],
  [
    'application',
    'contact.email',
    'with accents before the @',
    'élodie.martin@menuiserie.example.fr',
    /ne sait pas écrire à une adresse dont la partie avant «\u00a0@\u00a0» contient des accents/,
  ],
  ['contactMessage', 'email', 'with accents before the @', 'sœur@example.fr', /ne sait pas écrire/],
  ['contactMessage', 'email', 'with a space', 'sophie bernard@example.fr', /n’est pas valide/],
];

describe('input no person types, refused by name and leaving no trace', () => {
  beforeEach(async () => {
    await mail().clear();
  });

  for (const [title, cases] of [
    ['single-line text', singleLine],
    ['multi-line text', multiLine],
    ['numbers', numbers],
    ['websites', websites],
    ['identifiers, choices and addresses', identifiers],
  ] as const) {
    describe(title, () => {
      for (const encoding of ['json', 'url-encoded'] as const) {
        it.each(cases)(`%s: %s %s, posted ${encoding}`, async (form, field, _what, value, message) => {
          const before = await snapshot();

          const response = await send(form, withField(valid[form](), field, value), encoding);

          await expectRefused(response, field, message, before);
        });
      }
    });
  }

  describe('JSON values of the wrong type', () => {
    const wrongTypes: Case[] = [
      ['application', 'company.name', 'a number for a name', 42, /doit être du texte/],
      ['application', 'company.siret', 'a number for a SIRET', 73282932000074, /doit être du texte/],
      ['application', 'company.nafCode', 'a number for a NAF code', 1623, /doit être du texte/],
      [
        'application',
        'company.website',
        'an object for a website',
        { href: 'https://a.fr' },
        /doit être du texte/,
      ],
      ['application', 'company.employees', 'a list for a number', [12], /nombre entier/],
      ['application', 'company.employees', 'a boolean for a number', true, /nombre entier/],
      ['application', 'project.jobsToCreate', 'a fraction', 1.5, /chiffres seulement/],
      ['application', 'project.jobsToCreate', 'a number beyond any integer', 1e300, /chiffres seulement/],
      ['application', 'project.desiredStart', 'a number for a month', 202703, /doit être du texte/],
      ['application', 'project.competences', 'a number for a list', 5, /sous forme de liste/],
      ['application', 'contact.email', 'a boolean for an address', true, /doit être du texte/],
      ['application', 'formStartedAt', 'an object for the form’s start', {}, /rechargez la page/],
      ['partnerOffer', 'offer.categories', 'an object for a list', { quality: true }, /sous forme de liste/],
      ['partnerOffer', 'offer.volunteers', 'a numeric string with a sign', '-4', /chiffres seulement/],
      ['contactMessage', 'organisation', 'a number for a name', 7, /doit être du texte/],
      ['contactMessage', 'network', 'a number for a network', 36, /doit être du texte/],
      ['contactMessage', 'postcode', 'a number for a postcode', 36000, /doit être du texte/],
    ];

    it.each(wrongTypes)(
      '%s: %s is %s, never silently dropped',
      async (form, field, _what, value, message) => {
        const before = await snapshot();

        const response = await send(form, withField(valid[form](), field, value), 'json');

        await expectRefused(response, field, message, before);
      },
    );

    it.each([
      ['an exponent', '1e1'],
      ['a fraction written out', '12.0'],
      ['a negative zero', '-0'],
    ])(
      'refuses a JSON number written with %s, which JSON.parse would read as a plain number',
      async (_what, token) => {
        const before = await snapshot();
        const json = JSON.stringify(validApplication()).replace('"employees":12', `"employees":${token}`);
        expect(json).toContain(`"employees":${token}`);

        const response = await api.post(forms.application.endpoint, json, {
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': crypto.randomUUID(),
        });

        await expectRefused(response, 'company.employees', /chiffres seulement/, before);
      },
    );
  });
});

const raw = rawRequester(cloud);

describe('bodies that are not UTF-8', () => {
  beforeEach(async () => {
    await mail().clear();
  });

  const jsonWith = (bytes: number[]) => {
    const [head, tail] = JSON.stringify(validContactMessage()).split('Sophie Bernard');
    return Buffer.concat([Buffer.from(`${head}Sophie `), Buffer.from(bytes), Buffer.from(`Bernard${tail}`)]);
  };

  it.each([
    ['an overlong « / » (C0 AF)', [0xc0, 0xaf]],
    ['an overlong NUL (E0 80 80)', [0xe0, 0x80, 0x80]],
    ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['a byte that UTF-8 never uses (FF)', [0xff]],
    ['a sequence cut short (C3 then a space)', [0xc3]],
    ['Latin-1 « é » (E9)', [0xe9]],
  ])('refuses JSON holding %s with 400, storing nothing', async (_what, bytes) => {
    const before = await snapshot();

    const response = await raw(forms.contactMessage.endpoint, jsonWith(bytes), {
      'content-type': 'application/json',
      accept: 'application/json',
    });

    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toMatchObject({
      error: 'invalid_encoding',
      message: expect.stringMatching(/UTF-8/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a lone surrogate written as a JSON escape (\\ud800)', async () => {
    const before = await snapshot();
    const json = JSON.stringify(validContactMessage()).replace('Sophie Bernard', 'Sophie \\ud800Bernard');

    const response = await raw(forms.contactMessage.endpoint, json, { 'content-type': 'application/json' });

    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toMatchObject({ error: 'invalid_encoding' });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['an overlong « / »', '%C0%AF'],
    ['an encoded surrogate', '%ED%A0%80'],
    ['Latin-1 « é »', '%E9'],
    ['a broken escape', '%E'],
  ])(
    'refuses a url-encoded post holding %s with 400, and explains it on a French page',
    async (_what, sequence) => {
      const before = await snapshot();
      const body = urlEncoded(validContactMessage()).toString().replace('Sophie', `Sophie${sequence}`);

      const response = await raw(forms.contactMessage.endpoint, body, {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
      });

      expect(response.status).toBe(400);
      expect(response.text).toContain('<html lang="fr">');
      expect(response.text).toContain('caractères illisibles');
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each([
    ['application/json; charset=iso-8859-1', 'iso-8859-1'],
    ['application/x-www-form-urlencoded; charset=windows-1252', 'windows-1252'],
    ['application/json; charset="UTF-16"', 'utf-16'],
  ])('refuses %s with 415, naming the charset', async (contentType, charset) => {
    const before = await snapshot();

    const response = await api.post(forms.contactMessage.endpoint, JSON.stringify(validContactMessage()), {
      'content-type': contentType,
      accept: 'application/json',
    });

    expect(response.status).toBe(415);
    expect(response.json()).toMatchObject({
      error: 'unsupported_charset',
      message: expect.stringContaining(`se déclare en ${charset}`),
    });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
    'application/json; charset=utf8',
  ])('accepts %s', async (contentType) => {
    const response = await api.post(forms.contactMessage.endpoint, JSON.stringify(validContactMessage()), {
      'content-type': contentType,
      accept: 'application/json',
      'idempotency-key': crypto.randomUUID(),
    });

    expect(response.status).toBe(201);
  });
});

describe('the same Idempotency-Key with another body', () => {
  it('answers 422 in French and keeps the first submission only', async () => {
    // Given a message recorded under a key
    const key = crypto.randomUUID();
    const first = await api.json(forms.contactMessage.endpoint, validContactMessage(), {
      'idempotency-key': key,
    });
    expect(first.status).toBe(201);
    const before = await snapshot();

    // When another message comes with the same key
    const changed = withField(validContactMessage(), 'subject', 'Une tout autre question');
    const second = await api.json(forms.contactMessage.endpoint, changed, { 'idempotency-key': key });

    // Then it is refused, saying why, and nothing more is recorded or sent
    expect(second.status).toBe(422);
    expect(second.json()).toMatchObject({
      error: 'idempotency_key_reused',
      message: expect.stringMatching(/déjà été envoyé une première fois avec d’autres informations/),
    });
    expect(typographyFaults(second.json().message as string)).toEqual([]);
    expect(await snapshot()).toEqual(before);

    // And the same body under that key still gets the first answer
    const again = await api.json(forms.contactMessage.endpoint, validContactMessage(), {
      'idempotency-key': key,
    });
    expect(again.status).toBe(201);
    expect(again.json()).toEqual(first.json());
  });

  it('tells a browser without JavaScript on a French page', async () => {
    const key = crypto.randomUUID();
    await api.form(forms.contactMessage.endpoint, validContactMessage(), { 'idempotency-key': key });

    const second = await api.form(
      forms.contactMessage.endpoint,
      withField(validContactMessage(), 'subject', 'Autre'),
      {
        'idempotency-key': key,
      },
    );

    expect(second.status).toBe(422);
    expect(second.text).toContain('<h1>Ce formulaire a déjà été envoyé</h1>');
  });
});

describe('paths with dot segments, as API Gateway routes them', () => {
  it.each([
    '/api/x/../catalogue',
    '/api/./catalogue',
    '/api/catalogue/.',
    '/api/x/%2e%2e/catalogue',
    '/api/x/%2E%2E/catalogue',
    '/api/%2e/catalogue',
  ])('GET %s is no route of the API: 404 in French, not the catalogue', async (path) => {
    const response = await raw(path, undefined, { accept: 'application/json' });

    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toEqual({
      error: 'not_found',
      message: 'Cette adresse de l’API n’existe pas.',
    });
  });

  it('does not record a form posted to /api/x/../applications', async () => {
    const before = await snapshot();

    const response = await raw('/api/x/../applications', JSON.stringify(validApplication()), {
      'content-type': 'application/json',
    });

    expect(response.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('still serves the catalogue at its own address', async () => {
    const response = await raw('/api/catalogue', undefined, { accept: 'application/json' });

    expect(response.status).toBe(200);
  });
});

describe('unusual input a person does type', () => {
  beforeEach(async () => {
    await mail().clear();
  });

  it.each([
    ['contact.lastName', 'N’Diaye'],
    ['contact.lastName', "N'Diaye"],
    ['contact.firstName', 'Lætitia'],
    ['contact.firstName', 'Jean-François'],
    ['contact.lastName', 'Müller-Żółć'],
    ['company.name', '« Dupont & Fils »'],
    ['company.name', 'L’Atelier d’Œuvres (SARL)'],
    ['project.title', 'Passer de < 10 à > 20 salariés'],
    ['contact.role', 'Gérante & fondatrice'],
  ])('accepts %s « %s » as typed, JSON and url-encoded', async (field, value) => {
    for (const encoding of ['json', 'url-encoded'] as const) {
      const application = withField(
        withField(validApplication(), field, value),
        'project.title',
        field === 'project.title' ? value : `Projet ${crypto.randomUUID().slice(0, 8)}`,
      );

      const response = await send('application', application, encoding);

      expect(response.status, encoding).toBe(201);
      const record = await stored.applications().get(response.json().reference as string);
      const [part, name] = field.split('.') as [string, string];
      const data = (record?.submission.data ?? {}) as unknown as Record<string, Record<string, unknown>>;
      expect(data[part]?.[name]).toBe(value.normalize('NFC'));
    }
  });

  it.each([
    ['36240', 'Écueillé', 'Écueillé'],
    ['36240', 'ECUEILLE', 'Écueillé'],
    ['36120', 'saint aout', 'Saint-Août'],
  ])('finds the commune %s « %s »', async (postcode, city, official) => {
    const response = await send(
      'application',
      withField(withField(validApplication(), 'company.postcode', postcode), 'company.city', city),
      'url-encoded',
    );

    expect(response.status).toBe(201);
    const record = await stored.applications().get(response.json().reference as string);
    expect(record?.submission.data.company.communeName).toBe(official);
  });

  it('accepts an address whose domain has accents, and writes to it in its ASCII form', async () => {
    const response = await send(
      'contactMessage',
      withField(validContactMessage(), 'email', 'sophie@bernard-élagage.fr'),
      'json',
    );

    expect(response.status).toBe(201);
    const record = await stored.contactMessages().get(response.json().reference as string);
    expect(record?.submission.data.email).toBe('sophie@xn--bernard-lagage-ikb.fr');
    const sent = (await mail().all()).flatMap((m) => m.destination.to);
    expect(sent).toContain('sophie@xn--bernard-lagage-ikb.fr');
  });

  it('keeps the line breaks of a description, as \\n whatever the browser sent', async () => {
    const description = 'Première ligne du projet.\r\nDeuxième ligne.\rTroisième ligne, assez longue.';

    const response = await send(
      'application',
      withField(validApplication(), 'project.description', description),
      'url-encoded',
    );

    expect(response.status).toBe(201);
    const record = await stored.applications().get(response.json().reference as string);
    expect(record?.submission.data.project.description).toBe(
      'Première ligne du projet.\nDeuxième ligne.\nTroisième ligne, assez longue.',
    );
  });
});
