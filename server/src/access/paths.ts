/**
 * The org-unit path format, read and written here only: an ltree of unit ids from the root down
 * ("1.20.300" is unit 300 under 20 under 1). A path's last label is its unit; a path lies under
 * another when it equals it or continues it after a dot (so "1.23" is not under "1.2").
 */

/** The unit a path leads to (its last label). */
export const unitOfPath = (path: string): number => Number(path.slice(path.lastIndexOf('.') + 1));

/** The path of a unit placed under a parent (or at the root). */
export const childPath = (parentPath: string | null | undefined, unitId: number): string => (parentPath ? `${parentPath}.${unitId}` : String(unitId));

/** Whether `path` is `ancestor` or lies under it. */
export const isWithin = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}.`);

/** Whether `path` lies strictly under `ancestor`. */
export const isBelow = (path: string, ancestor: string): boolean => path.startsWith(`${ancestor}.`);

/** The deepest unit on every one of these paths (their common ancestor), or null when they share none. */
export function commonUnit(paths: string[]): number | null {
  const [first, ...rest] = paths.map((p) => p.split('.'));
  if (!first) return null;
  let depth = first.length;
  for (const labels of rest) {
    let i = 0;
    while (i < depth && i < labels.length && labels[i] === first[i]) i++;
    depth = i;
  }
  return depth > 0 ? Number(first[depth - 1]) : null;
}
