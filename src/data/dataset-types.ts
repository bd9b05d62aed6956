/**
 * The shape of the zone dataset in `geodata/`: a manifest naming the layers, and one GeoJSON
 * FeatureCollection per layer whose features carry the properties below.
 *
 * This file is the contract between the dataset, the measurement core, the stats CLI and the map:
 * a planner who swaps a layer file for authoritative boundaries keeps these property names.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { AreaUnit } from '../geo/units.ts';

/** How sure we are of a feature's position and shape. Anything but `high` is drawn as approximate. */
export type Confidence = 'high' | 'medium' | 'low' | 'schematic';

export const CONFIDENCE_LEVELS: readonly Confidence[] = ['high', 'medium', 'low', 'schematic'];

// Area units live in src/geo, which converts between them; re-exported because the dataset states areas in them.
export type { AreaUnit };

/** What a layer is in the 一核、两翼、多园 pattern, or context around it. */
export type LayerRole = 'context' | 'zone' | 'core' | 'wing' | 'park' | 'green' | 'area' | 'place';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface LayerDefinition {
  /** Stable id, also the `layer` property of each of its features. */
  id: string;
  role: LayerRole;
  title: LocalizedText;
  /** One or two sentences on what the layer shows and how real it is. */
  description: LocalizedText;
  /** File name relative to `geodata/`. */
  file: string;
  /** Fill / stroke colour, `#rrggbb`. */
  color: string;
  geometry: 'polygon' | 'line' | 'point';
  /** Its polygons count as green land (绿地) in the green-space ratio. */
  green: boolean;
  /** Each of its features is a planning unit whose green-space ratio is reported (zone, core, wings). */
  unit: boolean;
  /** Shown when the app opens. */
  visible: boolean;
}

/** A figure someone published, kept apart from anything we measure. */
export interface StatedFigure {
  value: number;
  unit: AreaUnit | 'percent';
  source: string;
}

export interface Manifest {
  version: 1;
  name: LocalizedText;
  /** Figures stated for the zone as a whole. */
  stated: {
    zoneArea: StatedFigure;
    /** "ecological green area over 40 %": the article does not define it; `covers` says what it likely means. */
    greenShare: StatedFigure & { qualifier: 'over' | 'about' | 'exactly'; covers: LocalizedText };
  };
  layers: LayerDefinition[];
  /** Data credits shown in the app and README (e.g. DataV.GeoAtlas / 高德). */
  credits: LocalizedText[];
  /**
   * Optional file of label points (one Point per polygon feature, see `LabelPointProperties`):
   * the map labels polygons from it, once each. Without it, polygons are drawn unlabelled.
   */
  labels?: string;
}

/**
 * A polygon's label: where it is written and what it says. Not a feature to click or search; it
 * names the feature `id` of layer `layer`, whose visibility it follows.
 */
export interface LabelPointProperties {
  /** The id of the feature it names. */
  id: string;
  layer: string;
  name_zh: string;
  name_en: string;
  kind: 'label-point';
  source: string;
  /** The named feature's confidence: the label says "≈" when it is not `high`. */
  confidence: Confidence;
  position_unknown?: boolean;
  /** Collision priority, 1 = placed first (the zone); see scripts/geodata/label-points.ts. */
  label_rank: number;
}

export type LabelPointCollection = FeatureCollection<Point, LabelPointProperties>;

/** Properties every feature in `geodata/` carries. */
export interface ZoneFeatureProperties {
  /** Stable across releases: links, selections and trips refer to it. */
  id: string;
  layer: string;
  name_zh: string;
  name_en: string;
  /** What it is: `district`, `river`, `zone`, `core`, `wing`, `park`, `scenic-area`, `green-belt`, `school` … */
  kind: string;
  /** A citation a person can follow. */
  source: string;
  confidence: Confidence;
  /** Officially stated area, in `stated_area_unit`, from `stated_area_source`. Absent where none exists. */
  stated_area?: number;
  stated_area_unit?: AreaUnit;
  stated_area_source?: string;
  notes_zh?: string;
  notes_en?: string;
  /**
   * `true`: no source says where this feature is. Its geometry is a placement this project chose so
   * the feature can be drawn and its stated size shown; the map labels it "(位置未知 / position
   * unknown)", panels say so, and it is left out of every sub-unit's green-space ratio (which wing
   * or core holds it is our guess). The name stays the real name: the caveat lives here, not in it.
   */
  position_unknown?: boolean;
  /**
   * `true`: the build scaled this shape until its measured area equalled `stated_area`, so
   * "measured − stated" is zero by construction and confirms nothing. Absent on shapes drawn
   * independently of the figure (e.g. an authoritative boundary), where the difference is a check.
   */
  sized_to_stated?: boolean;
}

export type ZoneFeatureCollection = FeatureCollection<Geometry, ZoneFeatureProperties>;

/** A manifest with each layer's features loaded, in manifest order. */
export interface Dataset {
  manifest: Manifest;
  layers: { definition: LayerDefinition; features: ZoneFeatureCollection }[];
  /** The manifest's label points, when it names a file. */
  labels?: LabelPointCollection;
}

/** Names one feature of the dataset: the manifest layer it is in and its stable `id` property. */
export interface FeatureReference {
  layerId: string;
  featureId: string;
}
