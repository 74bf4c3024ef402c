/**
 * Values an instance keeps for a short while, per key: data that changes a few times a year yet would
 * be read on every request (a network's catalogue). A failed read is not kept; `fresh` reads again,
 * for a caller who found the kept value out of date.
 */
export const shortLivedCache = <K, V>(load: (key: K) => Promise<V>, ttlMs: number, clock = Date.now) => {
  const entries = new Map<K, { value: Promise<V>; until: number }>();
  return (key: K, options: { fresh?: boolean } = {}): Promise<V> => {
    const now = clock();
    const kept = entries.get(key);
    if (!options.fresh && kept && kept.until > now) return kept.value;
    const value = load(key);
    entries.set(key, { value, until: now + ttlMs });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
};
