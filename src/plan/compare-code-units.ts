/**
 * String order by UTF-16 code units (what `<` does). Unlike `localeCompare` it is the same on
 * every machine and locale, which is what a byte-identical plan needs.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
