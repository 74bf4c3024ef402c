import { describe, expect, it } from 'vitest';
import { outgoingMailSchema } from '../../functions/domain/outbox/outgoing-mail.ts';
import { renderDeliveryFailed } from '../../functions/email/templates/delivery-failed.ts';
import { html } from '../../functions/email/templates/html.ts';

describe('text a user typed, on its way into a mail', () => {
  it('is escaped in HTML', () => {
    const name = '<img src=x onerror=alert(1)> & "Cie"';

    expect(html`<p>${name}</p>`.value).toBe(
      '<p>&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Cie&#34;</p>',
    );
  });

  it('cannot add a header through the subject', () => {
    const mail = outgoingMailSchema.parse({
      from: { name: 'Alizé Indre', address: 'indre@alize.example.org' },
      to: ['a@example.fr'],
      subject: 'Bonjour\r\nBcc: victime@example.fr',
      html: '<p>x</p>',
      text: 'x',
    });

    expect(mail.subject).toBe('Bonjour Bcc: victime@example.fr');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('cannot smuggle a second recipient through an address', () => {
    const result = outgoingMailSchema.safeParse({
      from: { name: 'Alizé Indre', address: 'indre@alize.example.org' },
      to: ['a@example.fr\r\nBcc: b@example.fr'],
      subject: 'x',
      html: 'x',
      text: 'x',
    });

    expect(result.success).toBe(false);
  });
});

describe('the alert about a mail that could not be sent', () => {
  it('tells staff in French what failed and when, in Paris time', () => {
    const mail = renderDeliveryFailed({
      network: {
        name: 'Alizé Indre',
        operator: 'Initiative Indre',
        contact: {
          address: ['36000 Châteauroux'],
          phone: '02 61 91 36 00',
          email: 'alize@indre.example.org',
        },
      },
      failedSubject: 'Votre demande ALZ-36-2026-0001',
      recipients: ['dirigeant@pme.example.fr'],
      attempts: 8,
      firstQueuedAt: '2026-07-01T08:00:00Z',
    });

    expect(mail.subject).toBe(
      '[Alizé Indre] Un courriel n’a pas pu être envoyé\u00a0: Votre demande ALZ-36-2026-0001',
    );
    expect(mail.text).toContain('Malgré 8 tentatives');
    expect(mail.text).toContain('Mis en file d’attente le 1er juillet 2026 à 10\u00a0h');
    // Signed by the network, with its public contact
    expect(mail.text).toContain('Alizé Indre, animé par Initiative Indre');
    expect(mail.text).toContain('Tél.\u00a002\u00a061\u00a091\u00a036\u00a000');
    expect(mail.html).toContain('<html lang="fr">');
  });
});
