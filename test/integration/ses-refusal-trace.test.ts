import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
// The X-Ray SDK that Powertools Tracer wraps, in manual mode: the local cloud has no X-Ray, and this
// test needs a segment to read what a trace would keep.
import AWSXRay from 'aws-xray-sdk-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sesMailer, withholdErrorMessages } from '../../functions/email/mailer.ts';

/**
 * SES in the sandbox refuses a mail to an unverified recipient and names the address in its error.
 * The local SES emulator never refuses, so a small server answers as SES does (status, error type
 * header, JSON body): the fault cannot be caused otherwise.
 */
const recipient = 'claire.martin@menuiserie.example.fr';
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(400, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'MessageRejected',
        'x-amzn-requestid': 'test-request',
      });
      response.end(
        JSON.stringify({
          message: `Email address is not verified. The following identities failed the check in region EU-WEST-3: ${recipient}`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('an SES refusal, as a trace would record it', () => {
  it('keeps the error’s name and leaves the address SES quoted out of the trace', async () => {
    // Given the mailer's SES client, traced as in Lambda (the X-Ray middleware around every call)
    AWSXRay.enableManualMode();
    const segment = new AWSXRay.Segment('send-mail');
    const client = AWSXRay.captureAWSv3Client(
      withholdErrorMessages(
        new SESv2Client({
          endpoint,
          region: 'eu-west-3',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          maxAttempts: 1,
        }),
      ),
      segment,
    );

    // When SES refuses a mail to the applicant
    const sending = sesMailer({ client }).send({
      from: { name: 'Alizé Indre', address: 'indre@alize.example.org' },
      to: [recipient],
      subject: 'Votre candidature Alizé est bien enregistrée',
      html: '<p>Bonjour</p>',
      text: 'Bonjour',
    });

    // Then the caller still learns what went wrong by its name (what the outbox records)
    await expect(sending).rejects.toMatchObject({ name: 'MessageRejected' });
    // And the trace's subsegment for the call marks the error and names it, but not the address
    const recorded = JSON.stringify(segment.subsegments?.[0]);
    expect(recorded).toContain('"name":"SESv2"');
    expect(recorded).toContain('MessageRejected');
    expect(recorded).not.toContain(recipient);
  });
});
