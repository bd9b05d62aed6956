/**
 * terra-draw's MapLibre adapter, made to survive a lost WebGL context. The stock adapter writes
 * every change to its GeoJSON sources on the next frame; while the context is lost MapLibre has no
 * style, `getSource` answers undefined and the write throws (`setData` of undefined) out of a
 * requestAnimationFrame, where nothing can catch it. Here a change that cannot be drawn is only
 * remembered, a frame already scheduled is dropped when the context goes, and `redraw` writes the
 * whole current drawing once a style has loaded again: terra-draw's own store stays the truth.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, TerraDrawChanges, TerraDrawStylingFunction } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { isStyleEditable } from './editable-map.ts';

export class ContextSafeDrawAdapter extends TerraDrawMapLibreGLAdapter<MapLibreMap> {
  readonly #map: MapLibreMap;
  /** Every feature of the last change terra-draw asked to draw (each change carries them all). */
  #features: GeoJSONStoreFeatures[] = [];
  #styling: TerraDrawStylingFunction | null = null;

  constructor(config: ConstructorParameters<typeof TerraDrawMapLibreGLAdapter<MapLibreMap>>[0] & { map: MapLibreMap }) {
    super(config);
    this.#map = config.map;
  }

  override render(changes: TerraDrawChanges, styling: TerraDrawStylingFunction): void {
    this.#features = [...changes.created, ...changes.updated, ...changes.unchanged];
    this.#styling = styling;
    if (isStyleEditable(this.#map)) super.render(changes, styling);
  }

  override clear(): void {
    if (isStyleEditable(this.#map)) {
      super.clear();
      return;
    }
    // What the stock clear does apart from writing to the map: the mode and the store let go of
    // everything (the store's deletion comes back through render, and is drawn on `redraw`).
    this._currentModeCallbacks?.onClear();
  }

  /** Drops a write scheduled for the next frame: after a lost context it would meet no sources. */
  dropScheduledFrame(): void {
    const adapter = this as unknown as { _nextRender?: number };
    if (adapter._nextRender !== undefined) cancelAnimationFrame(adapter._nextRender);
    adapter._nextRender = undefined;
  }

  /** Writes the whole current drawing to the map (after a style has loaded again). */
  redraw(): void {
    if (!this.#styling || !isStyleEditable(this.#map)) return;
    // A change with nothing created, updated or deleted is a restyle: the adapter rewrites every source.
    super.render({ created: [], updated: [], unchanged: this.#features, deletedIds: [] }, this.#styling);
  }
}
