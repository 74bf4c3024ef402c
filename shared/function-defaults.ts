/** Defaults every function gets unless its route or schedule says otherwise, in AWS and locally. */
export const functionDefaults = {
  timeoutSeconds: 10,
  // 1 GB: Lambda gives CPU in proportion to memory, and a bundled SDK starts noticeably faster than at 128 MB.
  memorySize: 1024,
} as const;
