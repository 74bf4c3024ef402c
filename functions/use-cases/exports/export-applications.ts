import * as z from 'zod/mini';
import { applicationStatuses } from '../../../shared/application-lifecycle.ts';
import { parisIsoDate } from '../../../shared/dates.ts';
import { applicationsExportQuerySchema } from '../../../shared/privacy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { type ApplicationRow, applicationColumns } from '../../domain/exports/application-columns.ts';
import { csvDisposition, toCsv } from '../../domain/exports/csv.ts';
import { type Actor, networksInScope } from '../../domain/staff/actor.ts';
import type { StaffReadDeps } from '../applications/dependencies.ts';

const dayMs = 86_400_000;

/**
 * The applications one network (or every network in the actor's scope) received between two Paris
 * days, as a CSV file for funders: one index Query per network and status on the days asked (a day
 * of margin each side, since the index sorts by UTC instant), anonymised ones included.
 */
export const exportApplications = async (
  deps: Pick<StaffReadDeps, 'applications' | 'competences' | 'networks'>,
  actor: Actor,
  rawQuery: unknown,
): Promise<{ fileName: string; contentDisposition: string; csv: string; rows: number }> => {
  const query = z.parse(applicationsExportQuerySchema, rawQuery);
  const inScope = networksInScope(
    actor,
    deps.networks.map((network) => network.id),
  );
  if (query.network && !inScope.includes(query.network)) {
    throw new NotFoundError('Ce réseau n’existe pas, ou vous n’y avez pas accès.');
  }
  const networks = query.network ? [query.network] : inScope;
  const received = {
    from: new Date(Date.parse(`${query.from}T00:00:00Z`) - dayMs).toISOString(),
    to: new Date(Date.parse(`${query.to}T23:59:59.999Z`) + dayMs).toISOString(),
  };
  const perNetwork = await Promise.all(
    networks.map(async (network) => {
      const [lists, labels] = await Promise.all([
        Promise.all(
          applicationStatuses.map((status) =>
            deps.applications.listByNetworkAndStatus(network, status, received),
          ),
        ),
        // The stored labels, retired competences included: an application keeps what it asked for.
        deps.competences.labels(network),
      ]);
      const name = deps.networks.find((candidate) => candidate.id === network)?.name ?? network;
      return lists
        .flat()
        .filter((application) => {
          const day = parisIsoDate(new Date(application.createdAt));
          return day >= query.from && day <= query.to;
        })
        .map(
          (application): ApplicationRow => ({
            reference: application.reference,
            networkName: name,
            receivedAt: application.createdAt,
            source: application.source,
            status: application.status,
            statusSince: application.history.at(-1)?.at ?? application.createdAt,
            companyName: application.data.company.name,
            nafCode: application.data.company.nafCode,
            company: application.data.company,
            departement: application.data.company.departement,
            projectTitle: application.data.project.title,
            competences: application.data.project.competences.map((id) => labels.get(id) ?? id),
            jobsToCreate: application.data.project.jobsToCreate,
            jobsToMaintain: application.data.project.jobsToMaintain,
            committeeDate: application.committee?.date,
            anonymised: application.anonymisation !== undefined,
          }),
        );
    }),
  );
  const rows = perNetwork.flat().sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  const fileName = `candidatures-${query.network ?? 'tous-reseaux'}-${query.from}-${query.to}.csv`;
  return {
    fileName,
    contentDisposition: csvDisposition(fileName),
    csv: toCsv(applicationColumns, rows),
    rows: rows.length,
  };
};
