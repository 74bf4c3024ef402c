/**
 * French spacing for texts typed on a keyboard (the catalogue's labels, descriptions and partner
 * names, entered by a network's staff): a no-break space before « : ; ? ! », and inside « »,
 * whether the text had a plain space there or none. Applied where such a text is shown, in the
 * build as in the browser; the site's own wording is written with its no-break spaces already.
 */
const nbsp = '\u00a0';

export const frenchSpacing = (text: string): string =>
  text
    // A plain space (or a line break) before a high sign or a closing guillemet.
    .replace(/[ \t\r\n]+([:;?!»])/g, `${nbsp}$1`)
    // A plain space after an opening guillemet.
    .replace(/«[ \t\r\n]+/g, `«${nbsp}`)
    // A sign glued to its word and followed by a space or the end: « Référence: » (not `https://`, `10:30`).
    .replace(/([\p{L}\p{N})\]])([:;?!])(?=\s|$)/gu, `$1${nbsp}$2`)
    // Guillemets glued to the words they quote.
    .replace(/«(?=[\p{L}\p{N}])/gu, `«${nbsp}`)
    .replace(/([\p{L}\p{N}.])»/gu, `$1${nbsp}»`);
