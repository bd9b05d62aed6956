/**
 * What one clicked feature is: its names, what we measured beside what was published, how sure
 * we are and where it comes from. Escape or the close button dismisses it and gives the focus back
 * to what opened it: the search box, the list row, or the map.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Dataset } from '../data/dataset-types.ts';
import type { ZoneStatistics } from '../analysis/zone-statistics.ts';
import { GREEN_SPACE_RATIO_DEFINITION } from '../analysis/green-space-definition.ts';
import { isAreaUnit } from '../geo/units.ts';
import { language, messages } from '../i18n/index.ts';
import { findFeature, requestZoom, selectFeature } from '../state/app-state.ts';
import type { FeatureReference } from '../state/feature-reference.ts';
import { AreaFigures } from './AreaFigures.tsx';
import { LazyAddToTripButton } from './trip/lazy-trip.tsx';
import { ShareControl } from './share/ShareControl.tsx';
import { pendingFigureText } from './pending-figure.ts';
import { formatArea, formatPercent, formatSignedPercent, formatStated } from './format.ts';
import { listNames, unknownPositionGreenNames } from './honesty.ts';
import { editingFeature, isEditing } from '../state/dataset-feature-editing.ts';
import { EditShapeButton, LazyDatasetFeatureEditor, mayLeaveEdit } from './planner/DatasetFeatureEditorEntry.tsx';

export function FeaturePanel({
  dataset,
  statistics,
  reference,
  canZoom = true,
}: {
  dataset: Dataset;
  statistics: ZoneStatistics | null;
  reference: FeatureReference;
  /** False when there is no map to zoom (no WebGL, lost context). */
  canZoom?: boolean;
}) {
  const text = messages.value;
  const lang = language.value;
  const tag = text.languageTag;
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  /** What had the focus when this feature opened; it gets it back when the panel closes. */
  const opener = useRef<HTMLElement | null>(null);

  // A layout effect: attached before the panel is painted, so an Escape pressed the moment it shows
  // (a busy two-core machine runs passive effects late) still closes it.
  useLayoutEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      // While a feature is edited in place, Escape must not throw the edit away with the panel.
      if (event.key === 'Escape' && !editingFeature.peek()) closePanel(panel.current, opener.current);
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, []);

  useEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body && !panel.current?.contains(focused))
      opener.current = focused;
    heading.current?.focus({ preventScroll: true });
  }, [reference.layerId, reference.featureId]);

  const found = findFeature(dataset, reference);
  if (!found) return null;
  const { definition, feature } = found;
  const properties = feature.properties;
  const measurement = statistics?.features.find((entry) => entry.id === properties.id);
  const unit = statistics?.units.find((entry) => entry.id === properties.id);
  const primaryName = lang === 'zh' ? properties.name_zh : properties.name_en;
  const secondaryName = lang === 'zh' ? properties.name_en : properties.name_zh;
  const approximate = properties.confidence !== 'high';
  const notes = lang === 'zh' ? properties.notes_zh : properties.notes_en;
  const statedUnit = properties.stated_area_unit;
  const editing = isEditing(reference);

  return (
    <aside ref={panel} class="feature-panel" aria-labelledby="feature-panel-heading" data-feature-id={properties.id}>
      <header class="feature-panel__header">
        <div>
          <h2 id="feature-panel-heading" ref={heading} tabIndex={-1}>
            {approximate ? '≈' : ''}
            {primaryName}
          </h2>
          {secondaryName ? <p class="secondary-name">{secondaryName}</p> : null}
        </div>
        <button
          type="button"
          class="icon-button"
          onClick={() => {
            if (mayLeaveEdit()) closePanel(panel.current, opener.current);
          }}
          aria-label={text.feature.close}
        >
          ×
        </button>
      </header>
      {approximate ? <p class="badge badge--approximate">{text.feature.approximateBadge}</p> : null}
      {properties.position_unknown === true ? (
        <p class="badge badge--approximate position-unknown">{text.honesty.positionUnknownBadge}</p>
      ) : null}
      <LazyAddToTripButton featureId={properties.id} />
      <ShareControl key={properties.id} subject="feature" featureName={primaryName} />
      {editing ? <LazyDatasetFeatureEditor dataset={dataset} reference={reference} /> : null}
      <dl class="facts" hidden={editing}>
        <dt>{text.feature.kind}</dt>
        <dd>
          {text.kinds[properties.kind] ?? properties.kind}
          <span class="muted"> · {lang === 'zh' ? definition.title.zh : definition.title.en}</span>
        </dd>

        <dt>{text.feature.measuredArea}</dt>
        <dd class="measured-area">
          {measurement && measurement.areaM2 !== null ? (
            <>
              <AreaFigures squareMetres={measurement.areaM2} />
              <span class="muted small">{text.feature.measuredAreaNote}</span>
              {approximate ? <span class="caveat small">{text.feature.schematicAreaCaveat}</span> : null}
            </>
          ) : statistics ? (
            text.feature.positionOnly
          ) : (
            pendingFigureText()
          )}
        </dd>

        <dt>{text.feature.statedArea}</dt>
        <dd class="stated-area">
          {typeof properties.stated_area === 'number' && statedUnit && isAreaUnit(statedUnit) ? (
            <>
              {formatStated(properties.stated_area, text.units[statedUnit], tag)}
              {measurement?.statedAreaM2 != null && statedUnit !== 'km2' ? (
                <span class="muted"> ({formatArea(measurement.statedAreaM2, 'km2', text.units.km2, tag)})</span>
              ) : null}
              {properties.stated_area_source ? (
                <span class="citation">
                  {text.feature.statedSource}
                  {text.colon}
                  {properties.stated_area_source}
                </span>
              ) : null}
            </>
          ) : (
            text.feature.noStatedFigure
          )}
        </dd>

        {measurement?.statedDifferenceRatio != null ? (
          <>
            <dt>{text.feature.difference}</dt>
            {/* A shape drawn to its figure matches it by construction: a 0.0 % here would pass for a check. */}
            <dd class="difference">
              {properties.sized_to_stated === true
                ? text.honesty.sizedToStated
                : formatSignedPercent(measurement.statedDifferenceRatio, tag)}
            </dd>
          </>
        ) : null}

        {unit ? (
          <>
            <dt>{text.feature.greenRatio}</dt>
            <dd class="green-ratio">
              {unit.greenSpaceRatio === null
                ? text.feature.greenRatioUnavailable
                : formatPercent(unit.greenSpaceRatio, tag)}
              {unit.greenNotCounted.length > 0 ? (
                <span class="caveat small green-not-counted">
                  {text.honesty.greenNotCounted(
                    listNames(
                      unit.greenNotCounted.map((item) => (lang === 'zh' ? item.name : item.nameEn)),
                      lang,
                    ),
                  )}
                </span>
              ) : definition.role === 'zone' && unknownPositionGreenNames(dataset, lang).length > 0 ? (
                <span class="caveat small green-includes-unknown">
                  {text.honesty.zoneGreenIncludesUnknown(listNames(unknownPositionGreenNames(dataset, lang), lang))}
                </span>
              ) : null}
              <span class="muted small">{GREEN_SPACE_RATIO_DEFINITION[lang]}</span>
            </dd>
          </>
        ) : null}

        <dt>{text.feature.confidence}</dt>
        <dd>{text.confidence[properties.confidence] ?? properties.confidence}</dd>

        <dt>{text.feature.source}</dt>
        <dd class="citation">{properties.source}</dd>

        {notes ? (
          <>
            <dt>{text.feature.notes}</dt>
            <dd>{notes}</dd>
          </>
        ) : null}
      </dl>
      {canZoom && !editing ? (
        <button type="button" class="text-button" onClick={() => requestZoom(reference)}>
          {text.feature.zoomTo}
        </button>
      ) : null}
      {canZoom && !editing ? <EditShapeButton reference={reference} /> : null}
    </aside>
  );
}

/**
 * Closes the panel. If the focus was in it (or nowhere), it goes back to the panel's opener; an
 * opener gone from the page (a search result, a link's feature) hands over to the map.
 */
function closePanel(panelElement: HTMLElement | null, opener: HTMLElement | null): void {
  const focused = document.activeElement;
  const focusWasHere = !focused || focused === document.body || Boolean(panelElement?.contains(focused));
  selectFeature(null);
  if (!focusWasHere) return;
  const target = opener?.isConnected
    ? opener
    : (document.querySelector<HTMLElement>('.map-area canvas.maplibregl-canvas') ??
      document.querySelector<HTMLElement>('#search-input'));
  target?.focus({ preventScroll: true });
}
