/** Splitting a cell that names several units: "区司法局、区国资委、区卫健委". */

const UNIT_SEPARATORS = /[、，,；;/／\n\r]+/;

/** The names in a unit cell (separators 、，,；; / and new lines), trimmed, empties dropped. */
export function splitUnitCell(cell: string): string[] {
  return cell
    .split(UNIT_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
