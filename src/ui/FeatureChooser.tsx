/**
 * Place markers drawn on top of each other answer one tap together: this short list, beside the
 * tap, asks which one was meant instead of opening one at random. Escape or a tap elsewhere
 * dismisses it; the focus then goes back to the map.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Dataset } from '../data/dataset-types.ts';
import { language } from '../i18n/index.ts';
import { featureChoice, findFeature, requestZoom, selectFeature } from '../state/app-state.ts';

const CHOOSER_MESSAGES = {
  zh: { heading: (count: number) => `这里有 ${count} 个地点`, close: '关闭' },
  en: { heading: (count: number) => `${count} places here`, close: 'Close' },
} as const;

/** Longest list offered: more than this under one fingertip means zooming in is the better answer. */
const MOST_OFFERED = 8;

function focusMap(): void {
  document.querySelector<HTMLElement>('.map-area canvas.maplibregl-canvas')?.focus({ preventScroll: true });
}

const CHOOSER_WIDTH = 240;
const ROW_HEIGHT = 44;

/** Below the tap, or above it near the map's bottom edge, and never past its sides. */
function placement(at: { x: number; y: number }, rows: number): { left: string; top: string } {
  const area = document.querySelector<HTMLElement>('.map-area');
  const width = area?.clientWidth ?? Infinity;
  const height = area?.clientHeight ?? Infinity;
  const tall = (rows + 1) * ROW_HEIGHT + 16;
  const left = Math.max(4, Math.min(at.x - CHOOSER_WIDTH / 2, width - CHOOSER_WIDTH - 4));
  const below = at.y + 12;
  const top = below + tall <= height ? below : Math.max(4, at.y - 12 - tall);
  return { left: `${Math.round(left)}px`, top: `${Math.round(top)}px` };
}

export function FeatureChooser({ dataset }: { dataset: Dataset }) {
  const choice = featureChoice.value;
  const lang = language.value;
  const text = CHOOSER_MESSAGES[lang];
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!choice) return;
    list.current?.querySelector<HTMLButtonElement>('button.feature-chooser__option')?.focus({ preventScroll: true });
    const closeOnEscape = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      featureChoice.value = null;
      focusMap();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [choice]);

  if (!choice) return null;
  const options = choice.features.slice(0, MOST_OFFERED).flatMap((reference) => {
    const found = findFeature(dataset, reference);
    if (!found) return [];
    const properties = found.feature.properties;
    const name =
      (lang === 'zh' ? properties.name_zh : properties.name_en) ||
      properties.name_zh ||
      properties.name_en ||
      properties.id;
    return [{ reference, name, approximate: properties.confidence !== 'high' }];
  });
  return (
    <div
      ref={list}
      class="feature-chooser"
      role="group"
      aria-labelledby="feature-chooser-heading"
      style={placement(choice.at, options.length)}
    >
      <div class="feature-chooser__header">
        <h2 id="feature-chooser-heading">{text.heading(options.length)}</h2>
        <button
          type="button"
          class="icon-button"
          aria-label={text.close}
          onClick={() => {
            featureChoice.value = null;
            focusMap();
          }}
        >
          ×
        </button>
      </div>
      <ul>
        {options.map((option) => (
          <li key={`${option.reference.layerId}/${option.reference.featureId}`}>
            <button
              type="button"
              class="feature-chooser__option"
              data-feature-id={option.reference.featureId}
              onClick={() => {
                focusMap();
                selectFeature(option.reference);
                requestZoom(option.reference);
              }}
            >
              {option.approximate ? '≈' : ''}
              {option.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
