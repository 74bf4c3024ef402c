/**
 * Builds a value on first use and keeps it for the life of the execution environment: handlers
 * build their clients once per cold start, yet after the environment (local cloud, test) is set.
 */
export const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
};
