/**
 * French typography, as a reader of the site and the mails expects it: a no-break space (U+00A0 or
 * U+202F) before « : ; ? ! » and inside « guillemets », never a plain space that lets the sign wrap
 * alone to the next line, and never no space at all.
 */
export interface TypographyFault {
  /** The sign and what surrounds it, to find it in the source. */
  excerpt: string;
  problem: 'plain space' | 'no space';
}

const around = (text: string, index: number) =>
  text
    .slice(Math.max(0, index - 30), index + 30)
    .replace(/\s+/g, ' ')
    .trim();

export const typographyFaults = (text: string): TypographyFault[] => {
  const faults: TypographyFault[] = [];
  // A breaking space (or a line break) before a high sign or a closing guillemet.
  for (const match of text.matchAll(/[ \t\r\n]+[:;?!»]/g)) {
    faults.push({ excerpt: around(text, match.index), problem: 'plain space' });
  }
  // A breaking space after an opening guillemet.
  for (const match of text.matchAll(/«[ \t\r\n]/g)) {
    faults.push({ excerpt: around(text, match.index), problem: 'plain space' });
  }
  // A word glued to its sign (« Référence: »), guillemets glued to their words. URLs (`https://`,
  // `?q=`) and clock times are not followed by a space, so they are not caught.
  for (const match of text.matchAll(/[\p{L}\p{N}).\]][:;?!](?=[\s]|$)|«[\p{L}\p{N}]|[\p{L}\p{N}.]»/gu)) {
    faults.push({ excerpt: around(text, match.index), problem: 'no space' });
  }
  return faults;
};

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of an HTML document a person reads: text nodes and the attributes that are read aloud or
 * shown (alt, title, aria-label, placeholder, meta description), without scripts, styles or markup.
 */
export const readableText = (html: string): string => {
  const decode = (text: string) =>
    text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return entities[name.toLowerCase()] ?? whole;
    });
  const attributes = [
    ...html.matchAll(/\s(?:alt|title|aria-label|placeholder|data-title)="([^"]*)"/g),
    ...html.matchAll(/<meta\s[^>]*(?:name="description"|property="og:(?:title|description)")[^>]*>/g),
  ].map((match) =>
    match[0].startsWith('<meta') ? (/\scontent="([^"]*)"/.exec(match[0])?.[1] ?? '') : (match[1] ?? ''),
  );
  const body = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // Each tag ends a run of text: « Votre référence</strong> : » keeps its space before the colon.
    .replace(/<[^>]+>/g, '\u0000');
  return [...attributes, body].map(decode).join('\n').split('\u0000').join('');
};
