/**
 * The map's information without the map: a searchable table of every feature. Shown when WebGL is
 * missing or its context was lost, under a message saying why, and over the map on request.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Dataset, ZoneFeatureProperties } from '../data/dataset-types.ts';
import type { ZoneStatistics } from '../analysis/zone-statistics.ts';
import { language, messages } from '../i18n/index.ts';
import { featureRows, filterFeatureRows } from '../state/feature-rows.ts';
import { listOpen, requestZoom, selectFeature } from '../state/app-state.ts';
import { pendingFigureText } from './pending-figure.ts';
import { formatArea, formatSignedPercent, formatStated } from './format.ts';

export function FeatureList({
  dataset,
  statistics,
  reason,
}: {
  dataset: Dataset;
  statistics: ZoneStatistics | null;
  /** Why there is no map; absent when the list was asked for and the map is a click away. */
  reason?: string;
}) {
  const text = messages.value;
  const lang = language.value;
  const tag = text.languageTag;
  const [query, setQuery] = useState('');
  const rows = useMemo(() => featureRows(dataset, statistics), [dataset, statistics]);
  // The honesty flags are read from the features themselves, so a row says what the map label says.
  const propertiesById = useMemo(
    () =>
      new Map<string, ZoneFeatureProperties>(
        dataset.layers.flatMap((layer) =>
          layer.features.features.map((feature) => [feature.properties.id, feature.properties]),
        ),
      ),
    [dataset],
  );
  const kindLabel = (kind: string) => text.kinds[kind] ?? kind;
  const shown = filterFeatureRows(rows, query, kindLabel);

  return (
    <section class="feature-list" aria-labelledby="feature-list-heading">
      {reason ? (
        <p class="fallback-message" role="status">
          {reason}
        </p>
      ) : null}
      <div class="panel-title-row">
        <h2 id="feature-list-heading">{text.fallback.listHeading}</h2>
        {reason ? null : (
          <button type="button" class="text-button" onClick={() => (listOpen.value = false)}>
            {text.fallback.showMap}
          </button>
        )}
      </div>
      <label class="search-field">
        <span>{text.fallback.searchLabel}</span>
        <input
          type="search"
          value={query}
          placeholder={text.fallback.searchPlaceholder}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      {shown.length === 0 ? <p>{text.fallback.noMatches}</p> : null}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{text.fallback.columnName}</th>
              <th scope="col">{text.fallback.columnKind}</th>
              <th scope="col">{text.fallback.columnMeasured}</th>
              <th scope="col">{text.fallback.columnStated}</th>
              <th scope="col">{text.fallback.columnSource}</th>
              <th scope="col">{text.fallback.columnConfidence}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const flags = propertiesById.get(row.reference.featureId);
              return (
                <tr key={row.reference.featureId} data-feature-id={row.reference.featureId}>
                  <th scope="row">
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => {
                        selectFeature(row.reference);
                        // With a map behind the list, show the feature on it.
                        if (!reason) {
                          listOpen.value = false;
                          requestZoom(row.reference);
                          // The row goes with the list: the button that brings the list back holds the
                          // focus, so the panel's Escape returns there rather than to <body>.
                          document.querySelector<HTMLElement>('.list-toggle')?.focus({ preventScroll: true });
                        }
                      }}
                    >
                      {row.confidence !== 'high' ? '≈' : ''}
                      {lang === 'zh' ? row.name.zh : row.name.en}
                    </button>
                    {flags?.position_unknown === true ? (
                      <span class="caveat small position-unknown">{text.honesty.positionUnknown}</span>
                    ) : null}
                    <span class="secondary-name">{lang === 'zh' ? row.name.en : row.name.zh}</span>
                  </th>
                  <td>{kindLabel(row.kind)}</td>
                  <td>
                    {row.areaM2 !== null
                      ? formatArea(row.areaM2, 'km2', text.units.km2, tag)
                      : statistics
                        ? '—'
                        : pendingFigureText()}
                  </td>
                  <td>
                    {row.stated ? formatStated(row.stated.value, text.units[row.stated.unit], tag) : '—'}
                    {row.statedDifferenceRatio !== null ? (
                      <span class="muted small">
                        {' '}
                        (
                        {flags?.sized_to_stated === true
                          ? text.honesty.sizedToStatedShort
                          : formatSignedPercent(row.statedDifferenceRatio, tag)}
                        )
                      </span>
                    ) : null}
                    {row.stated?.source ? <span class="citation">{row.stated.source}</span> : null}
                  </td>
                  <td class="citation-cell">{row.source}</td>
                  <td>{text.confidence[row.confidence] ?? row.confidence}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
