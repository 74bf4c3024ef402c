import { describe, expect, it } from 'vitest';
import { demoNetworks } from '../../infra/local/demo-applications.ts';
import { type ApplicationStatus, applicationStatuses } from '../../shared/application-status.ts';
import type { ApplicationView, InboxView } from '../../shared/staff-api.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * What a newcomer finds after `npm start`: a fresh local cloud seeds its demo data exactly as
 * `npm start` does (infra/local/start.ts calls the same startLocalCloud), and each demo network's
 * staff then find applications at every stage of shared/application-status.ts in their back office.
 */
const cloud = givenLocalCloud();

const asStaffOf = async (network: (typeof demoNetworks)[number]) => {
  const token = await staffTokens(cloud().issuer).access(network.staff.name);
  return async <T>(path: string): Promise<T> => {
    const response = await fetch(`${cloud().urls.api}${path}`, { headers: bearer(token) });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
};

describe('the demo data of a first start', () => {
  it.each(demoNetworks.map((network) => [network.id, network] as const))(
    'holds applications of %s at every stage, a withdrawn one with its reason',
    async (_, network) => {
      // Given the network's staff member, signed in on a freshly seeded local cloud
      const api = await asStaffOf(network);

      // When they list the applications of each status, as the inbox's filter does
      const found = new Map<ApplicationStatus, InboxView['items']>();
      for (const status of applicationStatuses) {
        const inbox = await api<InboxView>(`/staff/applications?status=${status}`);
        found.set(
          status,
          inbox.items.filter((item) => item.network === network.id && item.status === status),
        );
      }

      // Then no status has none
      const missing = applicationStatuses.filter((status) => (found.get(status) ?? []).length === 0);
      expect(missing).toEqual([]);

      // And a withdrawn one says, in its history, who withdrew it and why, in correct French
      const [withdrawn] = found.get('withdrawn') ?? [];
      const view = await api<ApplicationView>(`/staff/applications/${withdrawn?.reference}`);
      const last = view.history.at(-1);
      expect(last).toMatchObject({ to: 'withdrawn', actor: { name: network.staff.name } });
      expect(last?.reason?.length).toBeGreaterThan(20);
      expect(typographyFaults(last?.reason ?? '')).toEqual([]);
    },
  );
});
