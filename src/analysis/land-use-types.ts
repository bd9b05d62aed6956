/**
 * The shape every land-use table has, whatever it measures: the zone's layers, a planner's
 * imported file or a drawn area. Producers live in src/analysis (pure) and run in a worker or in
 * node; the table, the chart and the CSV export in src/ui/planner only display these objects.
 */

/** One category: a layer, a `kind`, or one value of a property the planner picked. */
export interface LandUseRow {
  /** The category's value as text; null for features that do not have the property. */
  key: string | null;
  /** Ellipsoidal area (WGS84) of the category's features, summed as measureCollection sums them. */
  areaM2: number;
  /** areaM2 / table.denominatorM2; null when there is no denominator (nothing measured). */
  share: number | null;
  /** Features in the category that have polygon area. */
  count: number;
  /** Drawn green land inside the category's dissolved area; null when not computed (see greenNote). */
  greenAreaM2: number | null;
  /** 绿地率 = greenAreaM2 / dissolved category area; null when not computed. */
  greenSpaceRatio: number | null;
}

export type LandUseSource =
  | { kind: 'zone' }
  | { kind: 'imported'; layerId: string }
  | { kind: 'drawn'; shapeId: string };

export interface LandUseTable {
  source: LandUseSource;
  /** What the rows are grouped by: 'layer', 'kind' or a property name. */
  groupedBy: string;
  /** Largest area first. */
  rows: LandUseRow[];
  /** Sum of the rows' areas (overlapping features counted in each, as in the stats CLI). */
  totalAreaM2: number;
  /** What `share` divides by, in m², and what that is, for the table's caption and the CSV. */
  denominatorM2: number;
  denominator: { zh: string; en: string };
  /** How the numbers were measured, one sentence each language. */
  method: { zh: string; en: string };
  /** Why a green-space ratio is missing, or other caveats (overlaps, skipped geometries). */
  notes: { zh: string; en: string }[];
  featureCount: number;
  skipped: { points: number; lines: number; nullGeometries: number };
}
