/** Defaults every function gets unless its route or schedule says otherwise, in AWS and locally. */
export const functionDefaults = {
  timeoutSeconds: 10,
  memorySize: 1024,
} as const;
