import * as z from 'zod/mini';
import { isValidSiret, normaliseSiret } from './siret.ts';

/**
 * The field types of the public forms, read by the browser (before sending) and by the functions
 * (the rule that counts). They accept what a JSON client sends and what a browser posts without
 * JavaScript (every value a string, an empty field as ""), and refuse, naming the field in French,
 * what no person types: control characters, text direction overrides, invisible-only text, markup in
 * names, numbers in hexadecimal or with an exponent, a value of the wrong JSON type.
 */

/** How a field's text may look: one line (`line`), one line naming a person or a company (`name`), or several lines (`paragraphs`). */
export type TextKind = 'line' | 'name' | 'paragraphs';

const lineBreaks = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// C0 controls, DEL and C1 controls (line breaks included: a single line holds none).
const controls = /\p{Cc}/u;
const controlsButNewline = /(?!\n)\p{Cc}/u;
// Marks and overrides that reorder text on screen (the « Trojan source » trick), in any field.
const directionControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const separators = /[\u2028\u2029]/;
// What prints nothing: spaces, format characters, and the letters that render blank.
const invisible = /[\s\p{Cf}\p{Z}\u115f\u1160\u3164\uffa0\u2800]/gu;
// What a decoder puts in place of bytes that were not UTF-8.
const replacementCharacter = '\ufffd';

export type TextProblem = 'line-break' | 'control' | 'direction' | 'unreadable' | 'invisible' | 'markup';

/**
 * A person's text made canonical (Unicode NFC, trimmed, line breaks as `\n`), or what is wrong with
 * it. Pure and shared: the browser shows the same verdict the server will give.
 */
export const cleanText = (raw: string, kind: TextKind): { text: string } | { problem: TextProblem } => {
  const normalised = raw.normalize('NFC');
  const text = (kind === 'paragraphs' ? normalised.replace(lineBreaks, '\n') : normalised).trim();
  if (text.includes(replacementCharacter)) return { problem: 'unreadable' };
  if (kind !== 'paragraphs' && (separators.test(text) || /[\r\n\u0085]/.test(text))) {
    return { problem: 'line-break' };
  }
  if ((kind === 'paragraphs' ? controlsButNewline : controls).test(text)) return { problem: 'control' };
  if (directionControls.test(text)) return { problem: 'direction' };
  if (text !== '' && text.replace(invisible, '') === '') return { problem: 'invisible' };
  if (kind === 'name' && /[<>]/.test(text)) return { problem: 'markup' };
  return { text };
};

const problemMessage = (label: string, problem: TextProblem): string => {
  switch (problem) {
    case 'line-break':
      return `${label} doit tenir sur une seule ligne.`;
    case 'control':
      return `${label} contient un caractère de contrôle invisible (une tabulation, par exemple)\u00a0: retirez-le, puis réessayez.`;
    case 'direction':
      return `${label} contient un caractère invisible qui change le sens d’écriture du texte\u00a0: retirez-le, puis réessayez.`;
    case 'unreadable':
      return `${label} contient un caractère illisible (\u00a0${replacementCharacter}\u00a0)\u00a0: retapez le texte à cet endroit.`;
    case 'invisible':
      return `${label} ne contient que des caractères invisibles.`;
    case 'markup':
      return `${label} ne peut pas contenir les signes < et >.`;
  }
};

type Context = z.core.ParsePayload<unknown>;

const refuse = (ctx: Context, value: unknown, message: string): never => {
  ctx.issues.push({ code: 'custom', message, input: value });
  return z.NEVER as never;
};

/** A value of any JSON type, read as text: a string is cleaned, absence is `undefined`, anything else refused. */
const textValue = (label: string, kind: TextKind) =>
  z.transform((value: unknown, ctx): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return refuse(ctx, value, `${label} doit être du texte.`);
    const cleaned = cleanText(value, kind);
    if ('problem' in cleaned) return refuse(ctx, value, problemMessage(label, cleaned.problem));
    return cleaned.text === '' ? undefined : cleaned.text;
  });

export const requiredText = (min: number, max: number, label: string, kind: TextKind = 'line') =>
  z.pipe(
    textValue(label, kind),
    z
      .string({ error: `${label} est obligatoire.` })
      .check(
        z.minLength(min, `${label} doit compter au moins ${min}\u00a0caractères.`),
        z.maxLength(max, `${label} ne doit pas dépasser ${max}\u00a0caractères.`),
      ),
  );

/**
 * Optional fields are wrapped in `z.optional` outermost, so that their key is optional in the input
 * type as well; inside, `null` and a blank string also read as absent.
 */
export const optionalText = (max: number, label: string, kind: TextKind = 'line') =>
  z.optional(
    z.pipe(
      textValue(label, kind),
      z.optional(z.string().check(z.maxLength(max, `${label} ne doit pas dépasser ${max}\u00a0caractères.`))),
    ),
  );

/**
 * A whole number written as people write it: decimal digits only, in JSON or in a form post.
 * `0x1A`, `1e3`, `+5`, `12.0` are refused rather than read as some other number.
 */
const integerValue = (
  label: string,
  messages = {
    notDigits: `${label} s’écrit avec des chiffres seulement, par exemple 12.`,
    notInteger: `${label} doit être un nombre entier.`,
  },
) =>
  z.transform((value: unknown, ctx): number | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) return refuse(ctx, value, messages.notInteger);
      // JSON's -0 is 0.
      return value === 0 ? 0 : value;
    }
    if (typeof value !== 'string') return refuse(ctx, value, messages.notInteger);
    const digits = value.trim();
    if (digits === '') return undefined;
    if (!/^\d{1,15}$/.test(digits)) return refuse(ctx, value, messages.notDigits);
    return Number(digits);
  });

export const integer = (
  min: number,
  max: number,
  messages: { label: string; tooHigh?: string; tooLow?: string },
) =>
  z.pipe(
    integerValue(messages.label),
    z
      .number({ error: `${messages.label} est obligatoire.` })
      .check(
        z.gte(min, messages.tooLow ?? `${messages.label} doit être au moins ${min}.`),
        z.lte(max, messages.tooHigh ?? `${messages.label} ne peut pas dépasser ${max}.`),
      ),
  );

export const optionalInteger = (min: number, max: number, label: string) =>
  z.optional(
    z.pipe(
      integerValue(label),
      z.optional(
        z
          .number()
          .check(
            z.gte(min, `${label} doit être au moins ${min}.`),
            z.lte(max, `${label} ne peut pas dépasser ${max}.`),
          ),
      ),
    ),
  );

const invalidEmail = 'L’adresse électronique n’est pas valide (exemple\u00a0: prenom.nom@entreprise.fr).';

/**
 * An address SES can write to, in the ASCII form it is sent in: a domain with accents
 * (`exemple-café.fr`) becomes its Punycode (`xn--exemple-caf-k7a.fr`) through the WHATWG URL parser,
 * the same in the browser and in Node. SES speaks no SMTPUTF8, so a local part with accents is refused.
 */
export const toSendableAddress = (
  address: string,
): { address: string } | { problem: 'invalid' | 'local-part' } => {
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return { problem: 'invalid' };
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (/[^\x21-\x7e]/.test(local)) return { problem: /\s/.test(local) ? 'invalid' : 'local-part' };
  if (/[\s/?#[\]@:\\%<>"']/.test(domain)) return { problem: 'invalid' };
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return { problem: 'invalid' };
  }
  return { address: `${local}@${ascii}` };
};

export const email = z.pipe(
  textValue('L’adresse électronique', 'line'),
  z.pipe(
    z
      .string({ error: 'L’adresse électronique est obligatoire.' })
      .check(z.maxLength(254, 'L’adresse électronique est trop longue.')),
    z.pipe(
      z.transform((value: string, ctx) => {
        const sendable = toSendableAddress(value);
        if ('address' in sendable) return sendable.address;
        return refuse(
          ctx,
          value,
          sendable.problem === 'local-part'
            ? 'Notre messagerie ne sait pas écrire à une adresse dont la partie avant «\u00a0@\u00a0» contient des accents ou d’autres lettres hors de l’alphabet latin simple\u00a0: indiquez une autre adresse.'
            : invalidEmail,
        );
      }),
      z.email(invalidEmail),
    ),
  ),
);

const phonePattern = /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/;

export const optionalPhone = z.optional(
  z.pipe(
    textValue('Le numéro de téléphone', 'line'),
    z.optional(
      z
        .string()
        .check(
          z.regex(
            phonePattern,
            'Le numéro de téléphone n’est pas valide (exemple\u00a0: 02\u00a054\u00a000\u00a000\u00a000).',
          ),
        ),
    ),
  ),
);

/**
 * A website: an absolute `http` or `https` address naming a host, written without spaces, quotes or
 * angle brackets (none of which a real address holds, all of which break out of a link).
 */
export const optionalWebsite = z.optional(
  z.pipe(
    textValue('L’adresse du site', 'line'),
    z.optional(
      z.string().check(
        z.maxLength(200, 'L’adresse du site ne doit pas dépasser 200\u00a0caractères.'),
        z.refine((value) => /^https?:\/\//i.test(value), {
          error: 'L’adresse du site doit commencer par https:// ou http://.',
          abort: true,
        }),
        z.refine((value) => !/[\s"'<>`\\^{|}]/.test(value), {
          error: 'L’adresse du site ne peut contenir ni espace, ni guillemet, ni chevron.',
          abort: true,
        }),
        z.refine((value) => {
          try {
            const url = new URL(value);
            return (
              /^https?:$/.test(url.protocol) && url.hostname.includes('.') && !url.username && !url.password
            );
          } catch {
            return false;
          }
        }, 'L’adresse du site n’est pas valide (exemple\u00a0: https://www.mon-entreprise.fr).'),
      ),
    ),
  ),
);

export const consent = z.pipe(
  z.transform((value: unknown) => value === true || value === 'true' || value === 'on' || value === '1'),
  z.literal(true, { error: 'Votre accord est nécessaire pour que nous puissions traiter votre demande.' }),
);

/**
 * Choices of a list (competences, domains): one value is a list of one, as a browser posts a single
 * ticked box. Choosing the same value twice is refused, the same way in every form.
 */
export const choices = <T extends z.core.SomeType>(
  item: T,
  messages: { none: string; tooMany: string; duplicate: string; notAList: string },
  limits: { max: number },
) =>
  z.pipe(
    z.transform((value: unknown, ctx) => {
      if (value === undefined || value === null) return [];
      if (typeof value === 'string') return [value];
      if (Array.isArray(value)) return value as unknown[];
      return refuse(ctx, value, messages.notAList);
    }),
    z.array(item).check(
      z.minLength(1, messages.none),
      z.maxLength(limits.max, messages.tooMany),
      z.refine((list) => new Set(list).size === list.length, messages.duplicate),
    ),
  );

const formArrivedBroken = 'Le formulaire est arrivé incomplet\u00a0: rechargez la page, puis renvoyez-le.';

/** Fields a person never sees: a trap only bots fill, and when the form was shown (epoch ms). */
export const antiBotFields = {
  comment: optionalText(200, 'Le champ caché'),
  formStartedAt: z.optional(
    z.pipe(
      integerValue('L’heure d’affichage du formulaire', {
        notDigits: formArrivedBroken,
        notInteger: formArrivedBroken,
      }),
      z.optional(z.number().check(z.gte(0))),
    ),
  ),
};

export const siret = z.pipe(
  textValue('Le numéro SIRET', 'line'),
  z.pipe(
    z.string({ error: 'Le numéro SIRET est obligatoire.' }),
    z.pipe(
      z.transform(normaliseSiret),
      z.string().check(
        z.refine((value) => /^\d{14}$/.test(value), {
          error: 'Le numéro SIRET compte 14\u00a0chiffres.',
          abort: true,
        }),
        z.refine((value) => !/^0{9}/.test(value), {
          error: 'Un numéro SIRET ne commence jamais par neuf zéros\u00a0: vérifiez les chiffres.',
          abort: true,
        }),
        z.refine(isValidSiret, 'Ce numéro SIRET n’existe pas\u00a0: vérifiez les chiffres.'),
      ),
    ),
  ),
);

export const postcode = z.pipe(
  textValue('Le code postal', 'line'),
  z
    .string({ error: 'Le code postal est obligatoire.' })
    .check(z.regex(/^\d{5}$/, 'Le code postal compte 5\u00a0chiffres.')),
);

export const optionalPostcode = z.optional(
  z.pipe(
    textValue('Le code postal', 'line'),
    z.optional(z.string().check(z.regex(/^\d{5}$/, 'Le code postal compte 5\u00a0chiffres.'))),
  ),
);

/** The person the network will call back, as the application and partner forms both ask for them. */
export const contactPerson = z.object(
  {
    firstName: requiredText(1, 60, 'Le prénom', 'name'),
    lastName: requiredText(1, 60, 'Le nom', 'name'),
    role: optionalText(80, 'La fonction'),
    email,
    phone: optionalPhone,
  },
  { error: 'Vos coordonnées manquent.' },
);

/** An optional text matching a pattern once cleaned (NAF code, month, network id). */
export const optionalPattern = (label: string, pattern: RegExp, message: string) =>
  z.optional(z.pipe(textValue(label, 'line'), z.optional(z.string().check(z.regex(pattern, message)))));
