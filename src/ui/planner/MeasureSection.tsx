/** STUB — owned by the measuring helper: draw, read area/length live, edit, delete. */
export function MeasureSection() {
  return null;
}
