/**
 * Vietnamese names are written family, middle, given ("Nguyễn Thị Hồng"), and lists are usually
 * sorted by the given name, then the rest (Hồng before Lan whatever the family). The key moves
 * the last word to the front: "nguyen thi hong" → "hong nguyen thi". Its SQL twin is
 * givenNameFirst in server/src/db/rules.ts (rules.int.test.ts checks they agree).
 */
export function givenNameFirst(foldedName: string): string {
  return foldedName.replace(/^(.+) (\S+)$/, '$2 $1');
}
