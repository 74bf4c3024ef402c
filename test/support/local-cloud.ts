import { afterAll, beforeAll } from 'vitest';
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from '../../infra/local/cloud.ts';

/** Given a local cloud on free ports, in memory, with schedules fired only when a test says so. */
export const givenLocalCloud = (options: Partial<LocalCloudOptions> = {}) => {
  const holder: { cloud?: LocalCloud } = {};
  beforeAll(async () => {
    holder.cloud = await startLocalCloud({
      ports: { front: 0, dynamodb: 0, ses: 0, issuer: 0 },
      runSchedules: false,
      ...options,
    });
  });
  afterAll(async () => {
    await holder.cloud?.stop();
  });
  return () => {
    if (!holder.cloud) throw new Error('local cloud not started');
    return holder.cloud;
  };
};

export interface StoredMail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** Base64 content, as the SES emulator keeps it. */
  attachments?: { content: string; contentType: string; filename?: string; size: number }[];
  /** The custom headers SES was given (`Content.Simple.Headers`): a list mail's List-Unsubscribe. */
  headers?: { name: string; value: string }[];
  at: number;
}

/** The local SES server's mailbox, read the way a person would in its viewer. */
export const mailbox = (sesUrl: string) => ({
  async all(): Promise<StoredMail[]> {
    const response = await fetch(`${sesUrl}/store`);
    return ((await response.json()) as { emails: StoredMail[] }).emails;
  },
  async clear() {
    await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
  },
});
