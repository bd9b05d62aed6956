/**
 * What one clicked feature of an imported layer is: the file it came from, its measured area,
 * and its properties exactly as the file wrote them — shown as text, never as markup.
 */
import { useEffect, useRef } from 'preact/hooks';
import { importedLayers } from '../../state/imported-layers-store.ts';
import { selectedImportedFeature } from '../../state/imported-layer-display.ts';
import { AreaFigures } from '../AreaFigures.tsx';
import { LazyAddImportedPointButton } from '../trip/lazy-trip.tsx';
import { loadImportedLayerCollection } from './imported-layer-points.ts';
import { importMessages } from './import-messages.ts';

/** Long values are cut for the panel; the export keeps them whole. */
const MAXIMUM_VALUE_CHARACTERS = 500;

function valueText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > MAXIMUM_VALUE_CHARACTERS ? `${text.slice(0, MAXIMUM_VALUE_CHARACTERS)}…` : text;
}

export function ImportedFeaturePanel() {
  const text = importMessages();
  const selection = selectedImportedFeature.value;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') selectedImportedFeature.value = null;
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, []);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [selection?.layerId, selection?.featureIndex]);

  if (!selection) return null;
  const layer = importedLayers.value.find((candidate) => candidate.id === selection.layerId);
  if (!layer) return null;
  const areaM2 = layer.featureAreasM2[selection.featureIndex];
  const entries = Object.entries(selection.properties);
  return (
    <section class="feature-panel imported-feature-panel" aria-labelledby="imported-feature-heading">
      <div class="feature-panel__header">
        <h2 id="imported-feature-heading" tabIndex={-1} ref={heading}>
          {text.featureHeading(layer.fileName, selection.featureIndex)}
        </h2>
        <button
          type="button"
          class="icon-button"
          aria-label={text.close}
          title={text.close}
          onClick={() => (selectedImportedFeature.value = null)}
        >
          ×
        </button>
      </div>
      <dl class="facts">
        <dt>{text.measuredArea}</dt>
        <dd data-area-m2={areaM2 ?? ''}>
          {areaM2 !== undefined && areaM2 > 0 ? <AreaFigures squareMetres={areaM2} /> : text.noArea}
        </dd>
      </dl>
      {layer.measurement.skipped.points > 0 ? (
        <LazyAddImportedPointButton
          key={`${layer.id}:${selection.featureIndex}`}
          load={() => loadImportedLayerCollection(layer.id)}
          featureIndex={selection.featureIndex}
        />
      ) : null}
      <h3>{text.properties}</h3>
      {entries.length === 0 ? (
        <p class="small muted">{text.noProperties}</p>
      ) : (
        <table class="imported-feature-properties">
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>{valueText(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
