/**
 * Layer control and legend in one: a checkbox per manifest layer with its colour, feature count
 * and merged area, and the key to how estimated features are drawn.
 */
import type { Dataset } from '../data/dataset-types.ts';
import type { ZoneStatistics } from '../analysis/zone-statistics.ts';
import { language, messages } from '../i18n/index.ts';
import { layerVisibility, toggleLayer } from '../state/app-state.ts';
import { formatArea } from './format.ts';
import { BasemapSwitch } from './basemap/BasemapSwitch.tsx';

export function LayerPanel({ dataset, statistics }: { dataset: Dataset; statistics: ZoneStatistics | null }) {
  const text = messages.value;
  const lang = language.value;
  const visibility = layerVisibility.value;
  return (
    <section class="panel layer-panel" aria-labelledby="layer-panel-heading">
      <h2 id="layer-panel-heading">{text.layers.heading}</h2>
      <ul class="layer-list">
        {dataset.manifest.layers.map((layer) => {
          const measured = statistics?.layers.find((entry) => entry.id === layer.id);
          const count = dataset.layers.find((entry) => entry.definition.id === layer.id)?.features.features.length ?? 0;
          const title = lang === 'zh' ? layer.title.zh : layer.title.en;
          const description = lang === 'zh' ? layer.description.zh : layer.description.en;
          return (
            <li key={layer.id} class="layer-item" data-layer-id={layer.id}>
              <label title={description}>
                <input
                  type="checkbox"
                  checked={visibility[layer.id] ?? false}
                  onChange={() => toggleLayer(layer.id)}
                  aria-label={text.layers.toggle(title)}
                />
                <span
                  class={`swatch swatch--${layer.geometry}`}
                  style={{ backgroundColor: layer.color, borderColor: layer.color }}
                  aria-hidden="true"
                />
                <span class="layer-title">{title}</span>
              </label>
              <span class="layer-figures muted small">
                {text.layers.featureCount(count)}
                {measured && measured.areaM2 > 0
                  ? ` · ${formatArea(measured.areaM2, 'km2', text.units.km2, text.languageTag)}`
                  : ''}
              </span>
            </li>
          );
        })}
      </ul>
      <BasemapSwitch />
      <div class="legend" role="group" aria-label={text.layers.approximateExplanation}>
        <p class="legend-row">
          <span class="legend-line legend-line--solid" aria-hidden="true" />
          {text.layers.exactLegend}
        </p>
        <p class="legend-row">
          <span class="legend-line legend-line--dashed" aria-hidden="true" />
          {text.layers.approximateLegend}
        </p>
        <p class="muted small">{text.layers.approximateExplanation}</p>
      </div>
    </section>
  );
}
