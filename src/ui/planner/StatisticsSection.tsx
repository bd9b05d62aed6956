/**
 * "Land-use statistics": what to measure (the zone's layers, an imported layer, a drawn area),
 * how to group it (layer, kind, a property), the table (sortable), a bar chart, and the exports
 * (CSV of the table, GeoJSON of the source, the map view as an A4 PNG).
 *
 * Folded until the planner opens it: opening starts the measurement and loads the chart library.
 * The tables come from the import worker (zone, imported) and the drawing store (drawn); this
 * component chooses, orders and composes: the table, the chart, the exports and the display by a
 * property each live in a component of their own beside it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LandUseSource, LandUseTable } from '../../analysis/land-use-types.ts';
import type { AreaUnit, Dataset } from '../../data/dataset-types.ts';
import { language, messages } from '../../i18n/index.ts';
import { datasetState } from '../../state/app-state.ts';
import { drawnLandUseTable, drawnShapes, type DrawnShape } from '../../state/drawn-shapes-store.ts';
import { importedLayers, landUseTableOf, type ImportedLayer } from '../../state/imported-layers-store.ts';
import { reasonOf } from './error-reason.ts';
import { LandUseClassSection } from './LandUseClassSection.tsx';
import { categoryLegendOf, GreenValues, PropertyMapDisplay, usePropertyDisplay } from './StatisticsByProperty.tsx';
import { StatisticsChart } from './StatisticsChart.tsx';
import { StatisticsExports } from './StatisticsExports.tsx';
import { groupingName, StatisticsTable } from './StatisticsTable.tsx';
import { AREA_UNITS } from './statistics-area-format.ts';
import { statisticsMessages, type StatisticsMessages } from './statistics-messages.ts';
import {
  BUILT_IN_GROUPINGS,
  DEFAULT_SORT,
  categoryName,
  groupingChoices,
  nextSortOrder,
  sortRows,
  sourceFromKey,
  sourceKey,
  type CategoryNaming,
  type SortOrder,
} from './statistics-table.ts';
import './statistics.css';

type TableState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; table: LandUseTable }
  | { status: 'failed'; reason: string };

function polygonShapes(shapes: readonly DrawnShape[]): DrawnShape[] {
  return shapes.filter((shape) => shape.geometry.type === 'Polygon');
}

function sourceTitle(
  source: LandUseSource,
  text: StatisticsMessages,
  dataset: Dataset | null,
  layers: readonly ImportedLayer[],
  shapes: readonly DrawnShape[],
): string {
  const lang = language.value;
  if (source.kind === 'zone') return text.zoneSource(dataset?.manifest.name[lang] ?? '');
  if (source.kind === 'imported')
    return text.importedSource(layers.find((layer) => layer.id === source.layerId)?.fileName ?? '');
  const index = shapes.findIndex((shape) => shape.id === source.shapeId);
  return text.drawnSource(shapes[index]?.name ?? '', index + 1);
}

export function StatisticsSection() {
  const text = statisticsMessages();
  const tag = messages.value.languageTag;
  const state = datasetState.value;
  const dataset = state.status === 'ready' ? state.dataset : null;
  const layers = importedLayers.value;
  const shapes = polygonShapes(drawnShapes.value);

  const [open, setOpen] = useState(false);
  const [chosenKey, setChosenKey] = useState('zone');
  const [chosenGrouping, setChosenGrouping] = useState<string>('layer');
  const [unit, setUnit] = useState<AreaUnit>('ha');
  const [order, setOrder] = useState<SortOrder>(DEFAULT_SORT);
  const [result, setResult] = useState<TableState>({ status: 'idle' });
  const requestCounter = useRef(0);

  // A removed layer or deleted shape falls back to the zone rather than leaving a dead choice.
  const chosen = sourceFromKey(chosenKey);
  const importedLayer = chosen?.kind === 'imported' ? layers.find((layer) => layer.id === chosen.layerId) : undefined;
  const drawnShape = chosen?.kind === 'drawn' ? shapes.find((shape) => shape.id === chosen.shapeId) : undefined;
  const source: LandUseSource = importedLayer || drawnShape ? chosen! : { kind: 'zone' };
  const groupings = importedLayer ? groupingChoices(importedLayer.propertyNames) : [...BUILT_IN_GROUPINGS];
  const groupBy = groupings.includes(chosenGrouping) ? chosenGrouping : 'layer';
  const title = sourceTitle(source, text, dataset, layers, shapes);
  // What the table depends on besides the choice: a reinterpreted layer or an edited shape is new data.
  const dataVersion: unknown = importedLayer ?? drawnShape?.geometry ?? dataset;

  useEffect(() => {
    if (!open || !dataset) return;
    const request = ++requestCounter.current;
    setResult({ status: 'loading' });
    const pending =
      source.kind === 'drawn' ? drawnLandUseTable(source.shapeId, groupBy) : landUseTableOf(source, groupBy);
    pending.then(
      (table) => {
        if (request === requestCounter.current) setResult({ status: 'ready', table });
      },
      (error: unknown) => {
        if (request === requestCounter.current) setResult({ status: 'failed', reason: reasonOf(error) });
      },
    );
  }, [open, sourceKey(source), groupBy, dataVersion]);

  const table = result.status === 'ready' ? result.table : null;
  const nameOf = useMemo(() => {
    const naming: CategoryNaming = {
      layerTitles: new Map((dataset?.manifest.layers ?? []).map((layer) => [layer.id, layer.title[language.value]])),
      kindNames: messages.value.kinds,
      noValue: text.noValue,
    };
    const groupedBy = table?.groupedBy ?? groupBy;
    const fromDataset = table?.source.kind !== 'imported';
    return (key: string | null) => categoryName(key, groupedBy, fromDataset, naming);
  }, [dataset, table, groupBy, text, language.value]);
  const sortedRows = useMemo(
    () => (table ? sortRows(table.rows, order, new Intl.Collator(tag), nameOf) : []),
    [table, order, tag, nameOf],
  );
  const display = usePropertyDisplay(importedLayer, table);
  const { propertyField, colouring, highlighted, setHighlighted } = display;

  return (
    <section class="planner-section statistics-section" aria-labelledby="statistics-heading">
      <details open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h3 id="statistics-heading">{text.heading}</h3>
        </summary>
        <p class="small muted">{text.intro}</p>
        <div class="statistics-controls">
          <label>
            <span>{text.sourceLabel}</span>
            <select
              value={sourceKey(source)}
              onChange={(event) => setChosenKey((event.currentTarget as HTMLSelectElement).value)}
            >
              <option value="zone">{text.zoneSource(dataset?.manifest.name[language.value] ?? '')}</option>
              {layers.length > 0 ? (
                <optgroup label={text.importedGroup}>
                  {layers.map((layer) => (
                    <option key={layer.id} value={sourceKey({ kind: 'imported', layerId: layer.id })}>
                      {layer.fileName}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {shapes.length > 0 ? (
                <optgroup label={text.drawnGroup}>
                  {shapes.map((shape, index) => (
                    <option key={shape.id} value={sourceKey({ kind: 'drawn', shapeId: shape.id })}>
                      {text.drawnSource(shape.name, index + 1)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>
          <label>
            <span>{text.groupByLabel}</span>
            <select
              value={groupBy}
              onChange={(event) => setChosenGrouping((event.currentTarget as HTMLSelectElement).value)}
            >
              {groupings.map((grouping) => (
                <option key={grouping} value={grouping}>
                  {groupingName(grouping, text)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{text.unitLabel}</span>
            <select
              value={unit}
              onChange={(event) => setUnit((event.currentTarget as HTMLSelectElement).value as AreaUnit)}
            >
              {AREA_UNITS.map((choice) => (
                <option key={choice} value={choice}>
                  {text.unitNames[choice]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p class="small muted statistics-status" role="status">
          {result.status === 'loading' || (open && !dataset) ? text.loading : ''}
        </p>
        <div role="alert">
          {result.status === 'failed' ? <p class="data-error">{text.failed(result.reason)}</p> : null}
        </div>
        {table ? (
          <>
            <StatisticsTable
              table={table}
              nameOf={nameOf}
              rows={sortedRows}
              title={title}
              unit={unit}
              order={order}
              onSort={(column) => setOrder((current) => nextSortOrder(current, column))}
              categories={
                propertyField
                  ? {
                      colouring,
                      highlighted,
                      onHighlight: (key) =>
                        setHighlighted((current) => (current && current.key === key ? null : { key })),
                    }
                  : undefined
              }
            />
            {propertyField ? (
              <PropertyMapDisplay display={display} propertyField={propertyField} table={table} />
            ) : null}
            {propertyField ? (
              <GreenValues display={display} propertyField={propertyField} table={table} nameOf={nameOf} unit={unit} />
            ) : null}
            {table.rows.length > 0 ? <StatisticsChart table={table} rows={sortedRows} nameOf={nameOf} /> : null}
          </>
        ) : null}
        {open && importedLayer ? (
          <LandUseClassSection key={importedLayer.id} layer={importedLayer} unit={unit} />
        ) : null}
        {open ? (
          <StatisticsExports
            source={source}
            nameOf={nameOf}
            table={table}
            rows={sortedRows}
            title={title}
            categoryLegend={categoryLegendOf(display, nameOf)}
          />
        ) : null}
      </details>
    </section>
  );
}
