/**
 * Drops keys whose value is undefined, so optional model fields are absent rather than
 * present-but-undefined: the model then compares, hashes and serializes the same way
 * whether it was built here or read back from JSON.
 */
export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
