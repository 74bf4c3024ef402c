import * as z from 'zod/mini';

/** `GET /api/staff/stats` (and `&format=csv`): which network (or `national`, the roll-up) and which month. */
export const statisticsQuerySchema = z.object({
  network: z.optional(
    z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'Ce réseau n’existe pas, ou vous n’y avez pas accès.')),
  ),
  month: z.optional(
    z
      .string({ error: 'Le mois s’écrit comme 2027-02.' })
      .check(z.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'Le mois s’écrit comme 2027-02.')),
  ),
  /** `csv`: the funders' file of the same figures. */
  format: z.optional(z.enum(['csv'], 'Le format demandé est inconnu\u00a0: seul «\u202fcsv\u202f» existe.')),
});

/** The roll-up of every network, for the national coordination. */
export const nationalStatistics = 'national';
