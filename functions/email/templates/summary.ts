import { frenchMonth } from '../../../shared/dates.ts';
import { html, SafeHtml } from './html.ts';
import { quarantineNote } from './staff-notes.ts';

/**
 * What a person sent, laid out the same way in every mail: titled sections of label / value rows,
 * in HTML (every value escaped) and in plain text. Empty answers are left out.
 */
export type SummaryRow = readonly [label: string, value: string | number | undefined];
export interface SummarySection {
  title: string;
  rows: readonly SummaryRow[];
}

const present = (rows: readonly SummaryRow[]) =>
  rows.filter((row): row is readonly [string, string | number] => row[1] !== undefined && row[1] !== '');

/** Text with its line breaks kept, every line escaped. */
export const multiline = (text: string): SafeHtml =>
  new SafeHtml(
    text
      .split(/\r\n|\r|\n/)
      .map((line) => html`${line}`.value)
      .join('<br>'),
  );

export const summaryHtml = (sections: readonly SummarySection[]): SafeHtml =>
  html`${sections.map(
    (section) => html`<h3 style="font-size:16px;margin:24px 0 8px">${section.title}</h3>
<table role="presentation" style="border-collapse:collapse;width:100%">
${present(section.rows).map(
  ([label, value]) =>
    html`<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;width:35%;font-weight:normal;color:#555">${label}</th><td style="padding:4px 0">${multiline(String(value))}</td></tr>
`,
)}</table>
`,
  )}`;

export const summaryText = (sections: readonly SummarySection[]): string =>
  sections
    .map((section) =>
      [
        `${section.title}`,
        ...present(section.rows).map(([label, value]) => {
          const lines = String(value).split(/\r\n|\r|\n/);
          return lines.length === 1
            ? `- ${label}\u00a0: ${value}`
            : `- ${label}\u00a0:\n  ${lines.join('\n  ')}`;
        }),
      ].join('\n'),
    )
    .join('\n\n');

/**
 * A subject line that may quote what someone typed: control characters become spaces and the
 * whole stays within the 200 characters the outgoing-mail schema allows (a longer one would never go).
 */
export const subjectLine = (text: string): string => {
  const clean = text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    // Runs of spaces shrink to one; a no-break space before « : » stays what it is.
    .replace(/[^\S\u00a0\u202f]+/g, ' ')
    .trim();
  return clean.length <= 200 ? clean : `${clean.slice(0, 199)}…`;
};

/** `12345678200010` → `123 456 782 00010`, as it is printed on official documents, never split. */
export const formatSiret = (siret: string): string =>
  /^\d{14}$/.test(siret)
    ? [siret.slice(0, 3), siret.slice(3, 6), siret.slice(6, 9), siret.slice(9)].join('\u00a0')
    : siret;

/** `2027-03` → `mars 2027`. */
export const formatMonth = (month: string | undefined): string | undefined =>
  month ? frenchMonth(month) : undefined;

/** The privacy notice every acknowledgement ends with. */
export const privacyNotice = (siteUrl: string) => {
  const link = `${siteUrl.replace(/\/$/, '')}/donnees-personnelles/`;
  return {
    html: html`<p style="font-size:13px;color:#555">Vos données ne servent qu’à traiter votre demande. Pour savoir comment nous les protégeons et exercer vos droits\u00a0: <a href="${link}">${link}</a>.</p>`,
    text: `Vos données ne servent qu’à traiter votre demande. Pour savoir comment nous les protégeons et exercer vos droits\u00a0: ${link}`,
  };
};

/** The person to contact, as the application and partner mails both show them. */
export const contactSection = (contact: {
  firstName: string;
  lastName: string;
  role?: string | undefined;
  email: string;
  phone?: string | undefined;
}): SummarySection => ({
  title: 'La personne à contacter',
  rows: [
    ['Nom', `${contact.firstName} ${contact.lastName}`],
    ['Fonction', contact.role],
    ['Courriel', contact.email],
    ['Téléphone', contact.phone],
  ],
});

const questionLine =
  'Une question\u00a0? Répondez simplement à ce courriel\u00a0: votre réponse parviendra à l’équipe du réseau.';

/** How every acknowledgement to a company ends: how to ask a question, what they sent, their data rights. */
export const acknowledgementClosing = (sections: readonly SummarySection[], siteUrl: string) => {
  const privacy = privacyNotice(siteUrl);
  return {
    text: [
      questionLine,
      '',
      'Ce que vous nous avez transmis',
      '',
      summaryText(sections),
      '',
      privacy.text,
    ].join('\n'),
    html: html`<p>${questionLine}</p>
<h2 style="font-size:18px">Ce que vous nous avez transmis</h2>
${summaryHtml(sections)}
${privacy.html}`,
  };
};

/** « Et maintenant ? » and the numbered steps that follow a submission. */
export const nextStepsBlock = (steps: readonly string[]) => ({
  text: ['Et maintenant\u00a0?', ...steps.map((step, index) => `${index + 1}. ${step}`)].join('\n'),
  html: html`<h2 style="font-size:18px">Et maintenant\u00a0?</h2>
<ol>
${steps.map((step) => html`<li>${step}</li>`)}
</ol>`,
});

/**
 * The body every staff notification shares: what arrived and when, everything that was sent, how
 * to answer, and how many suspected bots wait in quarantine.
 */
export const staffNotificationBody = (content: {
  /** Sentences about what arrived, one per line. */
  lead: readonly string[];
  sections: readonly SummarySection[];
  reply: string;
  quarantined?: number | undefined;
  /** Where staff handle it in the back office. */
  handleAt?: string | undefined;
}) => {
  const note = quarantineNote(content.quarantined);
  const handle = content.handleAt
    ? `Pour la traiter dans l’espace équipe\u00a0: ${content.handleAt}`
    : undefined;
  return {
    text: [
      'Bonjour,',
      '',
      ...content.lead,
      ...(handle ? ['', handle] : []),
      '',
      summaryText(content.sections),
      '',
      content.reply,
      ...(note ? ['', note.text] : []),
    ].join('\n'),
    html: html`<p>Bonjour,</p>
<p>${content.lead.map((line, index) => (index === 0 ? html`${line}` : html`<br>${line}`))}</p>
${content.handleAt ? html`<p><a href="${content.handleAt}" style="color:#0b4f8a;font-weight:bold">Ouvrir la candidature dans l’espace équipe</a></p>` : ''}
${summaryHtml(content.sections)}
<p>${content.reply}</p>
${note?.html ?? ''}`,
  };
};
