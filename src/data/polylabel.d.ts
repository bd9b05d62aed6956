// polylabel 2 ships no types; only the call src/data/label-points.ts makes.
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon given as rings of [x, y]; `distance` is its distance to the outline. */
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
    debug?: boolean,
  ): number[] & { distance: number };
}
