/** Escapes text a user typed before it goes into HTML (mail or answer page). */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Markup that is already safe: built by `html`, never from raw user text. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

/** Tagged template that escapes every interpolated value unless it is already `SafeHtml`. */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): SafeHtml =>
  new SafeHtml(
    strings.reduce((out, part, index) => {
      if (index === 0) return part;
      const value = values[index - 1];
      const rendered = Array.isArray(value)
        ? value.map((v) => (v instanceof SafeHtml ? v.value : escapeHtml(String(v)))).join('')
        : value instanceof SafeHtml
          ? value.value
          : escapeHtml(String(value ?? ''));
      return out + rendered + part;
    }, ''),
  );
