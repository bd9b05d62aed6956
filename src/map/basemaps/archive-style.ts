/**
 * The style layers for the served Protomaps archive: `@protomaps/basemaps`' light flavour, in the
 * app's own font (the style's `font-faces`; no glyphs URL, so text is drawn locally, offline),
 * without icons (no sprite ships) and without its background (the app keeps its own). Pure: no
 * MapLibre runtime, tested in node.
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';

/** Every source and layer the basemaps add starts with this, so nothing else is ever touched by them. */
export const BASEMAP_PREFIX = 'basemap:';

/** The archive's own labels step back so the dataset's names stay the ones read first. */
const BASEMAP_LABEL_OPACITY = 0.75;

/** Points every per-section font of a `format` expression (Protomaps picks one per script) at the app's font. */
function withFont(value: unknown, fontFamily: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withFont(item, fontFamily));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === 'text-font' ? ['literal', [fontFamily]] : withFont(inner, fontFamily),
      ]),
    );
  }
  return value;
}

/** The Protomaps layers for the archive, in the app's font, without icons (no sprite ships) or a background. */
export function archiveLayers(sourceId: string, fontFamily: string, language: 'zh' | 'en'): LayerSpecification[] {
  const flavor = {
    ...namedFlavor('light'),
    regular: fontFamily,
    bold: fontFamily,
    italic: fontFamily,
    pois: undefined,
  };
  return protomapsLayers(sourceId, flavor, { lang: language === 'zh' ? 'zh-Hans' : 'en' })
    .filter((layer) => layer.type !== 'background')
    .map((layer) => {
      const id = `${BASEMAP_PREFIX}${layer.id}`;
      if (layer.type !== 'symbol') return { ...layer, id } as LayerSpecification;
      const { 'icon-image': _icon, 'icon-size': _size, ...layout } = layer.layout ?? {};
      return {
        ...layer,
        id,
        layout: { ...(withFont(layout, fontFamily) as object), 'text-font': [fontFamily] },
        paint: { ...layer.paint, 'text-opacity': BASEMAP_LABEL_OPACITY },
      } as LayerSpecification;
    });
}
