/**
 * Whether the map has a loaded style to read and edit. It has none while its WebGL context is lost:
 * MapLibre then drops the style (keeping a snapshot), and rebuilds it from that snapshot a frame
 * after the context comes back. Until then `getSource` answers undefined and `getLayer`,
 * `setLayoutProperty` or `queryRenderedFeatures` throw, so every map module asks this first and,
 * when the answer is no, only records what it wants; it applies all of it again on 'style.load'.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function isStyleEditable(map: MapLibreMap): boolean {
  // `style` is null while the context is lost, whatever the type says; `_loaded` is set once the
  // style's JSON has been parsed and its layers and sources exist (MapLibre's own guard).
  const style = map.style as { _loaded?: boolean } | null | undefined;
  return style?._loaded === true;
}
