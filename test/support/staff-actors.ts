import type { Actor } from '../../functions/domain/staff/actor.ts';
import type { ApplicationStatus } from '../../shared/application-status.ts';

/** The actors a use case is called with once the JWT authorizer has let a staff member in. */
export const claire: Actor = {
  id: 'sub-claire',
  name: 'claire.bernard@initiative-indre.example.org',
  scope: { kind: 'network', network: 'indre' },
};
export const paul: Actor = {
  id: 'sub-paul',
  name: 'paul.girard@cher-entreprendre.example.org',
  scope: { kind: 'network', network: 'cher' },
};
export const nadia: Actor = {
  id: 'sub-nadia',
  name: 'nadia.roussel@astrees.example.org',
  scope: { kind: 'national' },
};

/**
 * The lifecycle, stated a second time by hand (the table in functions/domain/applications is the
 * first): what staff may do from each status. `R` needs a reason, `C` a committee.
 */
export const allowedMoves: Record<ApplicationStatus, Partial<Record<ApplicationStatus, '' | 'R' | 'C'>>> = {
  received: { qualified: '', ineligible: 'R', 'info-requested': 'R', withdrawn: 'R' },
  qualified: { scheduled: 'C', ineligible: 'R', 'info-requested': 'R', withdrawn: 'R' },
  'info-requested': { qualified: '', scheduled: 'C', ineligible: 'R', withdrawn: 'R' },
  scheduled: {
    approved: '',
    rejected: 'R',
    deferred: 'R',
    'info-requested': 'R',
    qualified: 'R',
    withdrawn: 'R',
  },
  deferred: { scheduled: 'C', withdrawn: 'R' },
  approved: { withdrawn: 'R' },
  'in-progress': { withdrawn: 'R' },
  ineligible: {},
  rejected: {},
  closed: {},
  withdrawn: {},
};
