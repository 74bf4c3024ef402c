/** Escapes text a user typed before it goes into HTML mail. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Tagged template that escapes every interpolated value unless it is already `SafeHtml`. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

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

/** The frame every Alizé mail shares: plain, readable in any client, French. */
export const mailLayout = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">
${body}
<hr style="border:none;border-top:1px solid #ccc;margin-top:32px">
<p style="font-size:13px;color:#555">Alizé — des grandes entreprises au service des PME de leur territoire.</p>
</body></html>`.value;
