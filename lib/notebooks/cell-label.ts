/**
 * The one way cells are numbered everywhere (pages, exports, API, CLI, error messages): the cell's
 * 0-based index among all the notebook's cells in file order — nbformat's list index, with nbformat 3
 * heading cells and every worksheet's cells counted. This is `cells.position` in the database.
 */
export function cellLabel(position: number): string {
  return `cell ${position}`;
}

/** An output within its cell, numbered the same way (0-based index in the cell's `outputs`). */
export function outputLabel(position: number, output: number): string {
  return `cell ${position} output ${output}`;
}
