/**
 * Turns the flat fields of a posted form (`company.name`, repeated `project.competences`) into
 * the nested object the schemas read — for the no-JavaScript post on the server and for the
 * enhanced form in the browser alike.
 */
export const formEntriesToObject = (entries: Iterable<[string, string]>): Record<string, unknown> => {
  const root: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    const path = name.split('.');
    if (
      path.some(
        (part) => part === '__proto__' || part === 'constructor' || part === 'prototype' || part === '',
      )
    ) {
      continue;
    }
    let node = root;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const leaf = path[path.length - 1] as string;
    const existing = node[leaf];
    if (existing === undefined) node[leaf] = value;
    else node[leaf] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return root;
};
