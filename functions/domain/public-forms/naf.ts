/** The official NAF sub-classes (code → label), built from functions/reference-data/naf.ts. */
export type NafIndex = ReadonlyMap<string, string>;

export const buildNafIndex = (table: string): NafIndex =>
  new Map(
    table.split('\n').map((line) => {
      const [code = '', label = ''] = line.split('|');
      return [code, label] as const;
    }),
  );
