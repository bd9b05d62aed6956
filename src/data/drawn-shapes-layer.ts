/**
 * Shapes drawn in the measure tab, as a file to "use as …" a dataset layer (issue 11 §1). Drawn
 * shapes have no columns to map: each polygon is named by the name the planner gave it in the list,
 * and the unnamed ones by one name the form asks for, numbered when more than one needs it
 * ("公园 1", "公园 2"). The collection then goes through the same mapping and checks as a file
 * (replace-layer.ts), with `DRAWN_SHAPE_COLUMNS` as its columns.
 *
 * @example
 * drawnShapesCollection([{ tool: 'polygon', geometry, name: '' }], { nameZh: '核心区', nameEn: 'Core' })
 * // → one feature, properties { name_zh: '核心区', name_en: 'Core' }
 */
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';

/** What a drawn shape is for this purpose (src/state/drawn-shapes-store.ts holds the rest). */
export interface DrawnShapeForLayer {
  tool: 'polygon' | 'rectangle' | 'line';
  geometry: Polygon | LineString;
  /** The name given in the list; empty when none was. */
  name: string;
}

/** The names of shapes left unnamed in the list: numbered when more than one shape needs one. */
export interface DrawnShapeNaming {
  nameZh: string;
  /** Empty: the Chinese name stands in, as for a file without an English column. */
  nameEn: string;
}

/** The columns of the collection, for the contract mapping. */
export const DRAWN_SHAPE_COLUMNS = { nameZh: 'name_zh', nameEn: 'name_en' } as const;

export interface DrawnShapesCollection {
  /** The drawn polygons and rectangles, in the list's order. */
  collection: FeatureCollection<Polygon>;
  /** Drawn lines, left out: no layer a planner replaces holds lines. */
  linesLeftOut: number;
  /** How many polygons had no name in the list and are named by `naming`. */
  unnamed: number;
}

export function drawnShapesCollection(
  shapes: readonly DrawnShapeForLayer[],
  naming: DrawnShapeNaming,
): DrawnShapesCollection {
  const polygons = shapes.filter(
    (shape): shape is DrawnShapeForLayer & { geometry: Polygon } => shape.geometry.type === 'Polygon',
  );
  const unnamed = polygons.filter((shape) => shape.name.trim() === '').length;
  const numbered = (base: string, number: number) =>
    base.trim() === '' ? '' : unnamed > 1 ? `${base.trim()} ${number}` : base.trim();
  let unnamedSoFar = 0;
  const features = polygons.map((shape): Feature<Polygon> => {
    const name = shape.name.trim();
    if (name === '') unnamedSoFar += 1;
    return {
      type: 'Feature',
      properties: {
        [DRAWN_SHAPE_COLUMNS.nameZh]: name || numbered(naming.nameZh, unnamedSoFar),
        [DRAWN_SHAPE_COLUMNS.nameEn]: name ? '' : numbered(naming.nameEn, unnamedSoFar),
      },
      geometry: shape.geometry,
    };
  });
  return {
    collection: { type: 'FeatureCollection', features },
    linesLeftOut: shapes.length - polygons.length,
    unnamed,
  };
}

/** The change list's "from file" of drawn shapes. */
export const DRAWN_SHAPES_FILE_NAME = 'drawn in the app';

/** How the replaced layer's description (and the dataset banner) names where the shapes come from. */
export const DRAWN_SHAPES_ORIGIN = { zh: '本应用中绘制的形状', en: 'shapes drawn in the app' } as const;
