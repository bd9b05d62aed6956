/**
 * "Land-use statistics": what to measure (the zone's layers, an imported layer, a drawn area),
 * how to group it (layer, kind, a property), the table (sortable), a bar chart, and the exports
 * (CSV of the table, GeoJSON of the source, the map view as an A4 PNG).
 *
 * Folded until the planner opens it: opening starts the measurement and loads the chart library.
 * The tables come from the import worker (zone, imported) and the drawing store (drawn); this
 * component only orders, converts units and formats them.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  categoryColour,
  categoryColouring,
  categoryKeyOf,
  type CategoryColouring,
} from '../../analysis/category-colours.ts';
import { greenRatioByValues } from '../../analysis/green-by-values.ts';
import type { LandUseRow, LandUseSource, LandUseTable } from '../../analysis/land-use-types.ts';
import type { AreaUnit, Dataset } from '../../data/dataset-types.ts';
import { landUseCsvBlob } from '../../export/csv.ts';
import { DRAWN_SHAPE_COLOUR } from '../../export/map-image-layout.ts';
import { landUseSheet } from '../../export/statistics-sheet.ts';
import { safeFileName, withoutExtension } from '../../export/file-name.ts';
import { convertArea } from '../../geo/units.ts';
import { language, messages } from '../../i18n/index.ts';
import { datasetState, layerVisibility } from '../../state/app-state.ts';
import { drawnLandUseTable, drawnShapes, exportDrawnShapes, type DrawnShape } from '../../state/drawn-shapes-store.ts';
import { importedLayerColour, selectedImportedFeature } from '../../state/imported-layer-display.ts';
import {
  exportImportedLayer,
  importedLayers,
  landUseTableOf,
  type ImportedLayer,
} from '../../state/imported-layers-store.ts';
import { plannerMap } from '../../state/planner-map.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { download } from './download.ts';
import { LandUseChart } from './LandUseChart.tsx';
import { LandUseClassSection } from './LandUseClassSection.tsx';
import type { LandUseChartLabels } from './land-use-chart.ts';
import { measureMessages } from './measure-messages.ts';
import { statisticsMessages, type StatisticsMessages } from './statistics-messages.ts';
import {
  BUILT_IN_GROUPINGS,
  DEFAULT_SORT,
  ariaSort,
  categoryName,
  chartBars,
  groupingChoices,
  nextSortOrder,
  sortRows,
  sourceFromKey,
  sourceKey,
  type CategoryNaming,
  type SortColumn,
  type SortOrder,
} from './statistics-table.ts';
import './statistics.css';

const AREA_UNITS: readonly AreaUnit[] = ['m2', 'ha', 'km2', 'mu'];
/** Decimals per unit: the same for every row so a column of figures lines up and compares. */
const UNIT_DECIMALS: Record<AreaUnit, number> = { m2: 0, ha: 2, km2: 4, mu: 1 };

type TableState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; table: LandUseTable }
  | { status: 'failed'; reason: string };

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

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

function groupingName(groupBy: string, text: StatisticsMessages): string {
  return text.groupings[groupBy] ?? text.propertyGrouping(groupBy);
}

interface HeaderProps {
  column: SortColumn;
  label: string;
  order: SortOrder;
  onSort: (column: SortColumn) => void;
  numeric?: boolean;
}

function SortableHeader({ column, label, order, onSort, numeric = true }: HeaderProps) {
  const sort = ariaSort(order, column);
  const arrow = sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '';
  return (
    <th scope="col" aria-sort={sort} class={numeric ? 'numeric' : undefined}>
      {/* A real button: Enter, Space and clicks sort; the header text stays the accessible name. */}
      <button type="button" class="statistics-sort" data-column={column} onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" class="statistics-sort__arrow">
          {arrow}
        </span>
      </button>
    </th>
  );
}

interface TableProps {
  table: LandUseTable;
  nameOf: (key: string | null) => string;
  /** The table's rows in the order asked for. */
  rows: readonly LandUseRow[];
  title: string;
  unit: AreaUnit;
  order: SortOrder;
  onSort: (column: SortColumn) => void;
  /** When the rows are categories of an imported layer's property: picking one outlines it on the map. */
  categories?: {
    colouring: CategoryColouring | null;
    highlighted: { key: string | null } | null;
    onHighlight: (key: string | null) => void;
  };
}

function StatisticsTable({ table, nameOf, rows, title, unit, order, onSort, categories }: TableProps) {
  const text = statisticsMessages();
  const lang = language.value;
  const tag = messages.value.languageTag;
  const unitName = text.unitNames[unit];
  const area = (squareMetres: number): string =>
    formatNumber(convertArea(squareMetres, 'm2', unit), tag, UNIT_DECIMALS[unit]);
  const percent = (ratio: number | null): string => (ratio === null ? text.notComputed : formatPercent(ratio, tag, 1));
  const totalCount = table.rows.reduce((sum, row) => sum + row.count, 0);
  const totalShare = table.denominatorM2 > 0 ? table.totalAreaM2 / table.denominatorM2 : null;
  const cells = (row: LandUseRow) => (
    <>
      <td class="numeric" data-area-m2={row.areaM2}>
        {area(row.areaM2)}
      </td>
      <td class="numeric">{percent(row.share)}</td>
      <td class="numeric">{formatNumber(row.count, tag, 0)}</td>
      <td class="numeric">{row.greenAreaM2 === null ? text.notComputed : area(row.greenAreaM2)}</td>
      <td class="numeric">{percent(row.greenSpaceRatio)}</td>
    </>
  );
  return (
    <div class="statistics-table-frame">
      <table class="statistics-table" data-grouped-by={table.groupedBy} data-source={sourceKey(table.source)}>
        <caption>
          <span class="statistics-table__title">{text.caption(title, groupingName(table.groupedBy, text))}</span>
          <span class="statistics-table__method small muted">{table.method[lang]}</span>
        </caption>
        <thead>
          <tr>
            <SortableHeader
              column="category"
              label={text.columns.category}
              order={order}
              onSort={onSort}
              numeric={false}
            />
            <SortableHeader column="area" label={text.columns.area(unitName)} order={order} onSort={onSort} />
            <SortableHeader column="share" label={text.columns.share} order={order} onSort={onSort} />
            <SortableHeader column="count" label={text.columns.count} order={order} onSort={onSort} />
            <SortableHeader column="greenArea" label={text.columns.greenArea(unitName)} order={order} onSort={onSort} />
            <SortableHeader
              column="greenSpaceRatio"
              label={text.columns.greenSpaceRatio}
              order={order}
              onSort={onSort}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key ?? '\u0000'}
              data-category={row.key ?? ''}
              class={
                categories?.highlighted && categories.highlighted.key === row.key
                  ? 'statistics-row--highlighted'
                  : undefined
              }
            >
              <th scope="row" class={row.key === null ? 'muted' : undefined}>
                {categories ? (
                  <button
                    type="button"
                    class="statistics-category"
                    aria-pressed={Boolean(categories.highlighted && categories.highlighted.key === row.key)}
                    aria-label={text.highlightCategory(nameOf(row.key))}
                    onClick={() => categories.onHighlight(row.key)}
                  >
                    {categories.colouring ? (
                      <span
                        class="land-use-swatch"
                        style={{ backgroundColor: categoryColour(categories.colouring, row.key) }}
                        aria-hidden="true"
                      />
                    ) : null}
                    {nameOf(row.key)}
                  </button>
                ) : (
                  nameOf(row.key)
                )}
              </th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{text.total}</th>
            <td class="numeric" data-area-m2={table.totalAreaM2}>
              {area(table.totalAreaM2)}
            </td>
            <td class="numeric">{percent(totalShare)}</td>
            <td class="numeric">{formatNumber(totalCount, tag, 0)}</td>
            <td class="numeric">{text.notComputed}</td>
            <td class="numeric">{text.notComputed}</td>
          </tr>
        </tfoot>
      </table>
      <ul class="statistics-notes small muted">
        <li>{text.denominator(table.denominator[lang], `${area(table.denominatorM2)} ${unitName}`)}</li>
        {table.notes.map((note, index) => (
          <li key={index}>{note[lang]}</li>
        ))}
      </ul>
    </div>
  );
}

function chartSummary(
  table: LandUseTable,
  rows: readonly LandUseRow[],
  nameOf: (key: string | null) => string,
  text: StatisticsMessages,
  tag: string,
): string {
  const largest = [...rows]
    .sort((first, second) => second.areaM2 - first.areaM2)
    .slice(0, 3)
    .map((row) => `${nameOf(row.key)} ${row.share === null ? text.notComputed : formatPercent(row.share, tag, 1)}`)
    .join(tag.startsWith('zh') ? '，' : ', ');
  return text.chartSummary(table.rows.length, largest);
}

type ExportState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string };

interface ExportProps {
  source: LandUseSource;
  nameOf: (key: string | null) => string;
  table: LandUseTable | null;
  /** The table's rows as the planner sees them sorted: the CSV keeps that order. */
  rows: readonly LandUseRow[];
  title: string;
  /** An imported layer drawn by a property: its legend rows replace the layer's one colour on the print. */
  categoryLegend?: { layerId: string; entries: { color: string; title: string }[] } | null;
}

function ExportButtons({ source, nameOf, table, rows, title, categoryLegend }: ExportProps) {
  const text = statisticsMessages();
  const lang = language.value;
  const map = plannerMap.value;
  const [pngState, setPngState] = useState<ExportState>({ status: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const stem = [text.fileStem, withoutExtension(title)];

  const exportCsv = (): void => {
    if (!table) return;
    setFailure(null);
    try {
      download(
        landUseCsvBlob(
          { ...table, rows: [...rows] },
          { language: lang, sourceTitle: title, exportedAt: new Date().toISOString(), categoryName: nameOf },
        ),
        safeFileName([...stem, table.groupedBy], 'csv', 'land-use'),
      );
    } catch (error) {
      setFailure(text.exportFailed('CSV', reasonOf(error)));
    }
  };

  const exportXlsx = async (): Promise<void> => {
    if (!table) return;
    setFailure(null);
    try {
      // The writer (and its zip code) loads only now: nobody pays for it who never asks for a workbook.
      const { sheetToXlsx } = await import('../../export/xlsx.ts');
      const sheet = landUseSheet(
        { ...table, rows: [...rows] },
        { language: lang, sourceTitle: title, exportedAt: new Date().toISOString(), categoryName: nameOf },
      );
      download(await sheetToXlsx(sheet), safeFileName([...stem, table.groupedBy], 'xlsx', 'land-use'));
    } catch (error) {
      setFailure(text.exportFailed('Excel', reasonOf(error)));
    }
  };

  const exportGeoJson = async (): Promise<void> => {
    setFailure(null);
    try {
      const blob = source.kind === 'imported' ? await exportImportedLayer(source.layerId) : exportDrawnShapes();
      download(blob, safeFileName(stem, 'geojson', 'export'));
    } catch (error) {
      setFailure(text.exportFailed('GeoJSON', reasonOf(error)));
    }
  };

  const exportPng = async (): Promise<void> => {
    if (!map || pngState.status === 'busy') return;
    setPngState({ status: 'busy' });
    try {
      const state = datasetState.value;
      const dataset = state.status === 'ready' ? state.dataset : null;
      const visibility = layerVisibility.value;
      const zoneName = dataset?.manifest.name[lang] ?? '';
      const date = new Date();
      const dateText = new Intl.DateTimeFormat(messages.value.languageTag, { dateStyle: 'long' }).format(date);
      const legend = [
        // Drawn shapes are on the print too, so the legend says what the orange outlines are;
        // first, because they are the planner's own and the legend keeps only its first rows.
        ...drawnShapes.value.map((shape, index) => {
          const measureText = measureMessages[lang];
          const name = shape.name.trim() || measureText.unnamed(measureText.shapeKind[shape.tool], index + 1);
          return {
            color: DRAWN_SHAPE_COLOUR,
            title: text.drawnLegend(name),
            geometry: shape.tool === 'line' ? ('line' as const) : ('polygon' as const),
          };
        }),
        ...(dataset?.manifest.layers ?? [])
          .filter((layer) => visibility[layer.id])
          .map((layer) => ({ color: layer.color, title: layer.title[lang], geometry: layer.geometry })),
        ...importedLayers.value.flatMap((layer, index) =>
          !layer.visible
            ? []
            : categoryLegend && categoryLegend.layerId === layer.id
              ? categoryLegend.entries.map((entry) => ({ ...entry, geometry: 'polygon' as const }))
              : [{ color: importedLayerColour(index), title: layer.fileName, geometry: 'polygon' as const }],
        ),
      ];
      const blob = await map.exportImage({
        language: lang,
        title: text.imageTitle(zoneName),
        subtitle: text.imageSubtitle(dateText),
        legend,
        attribution: (dataset?.manifest.credits ?? []).map((credit) => credit[lang]),
      });
      const fileName = safeFileName([zoneName, date.toISOString().slice(0, 10)], 'png', 'map');
      download(blob, fileName);
      setPngState({ status: 'done', message: text.pngDone(fileName) });
    } catch (error) {
      setPngState({ status: 'failed', message: text.exportFailed('PNG', reasonOf(error)) });
    }
  };

  return (
    <div class="statistics-export">
      <h4>{text.exportHeading}</h4>
      <p class="statistics-export__buttons">
        <button type="button" class="text-button" disabled={!table} onClick={exportCsv} data-export="csv">
          {text.exportCsv}
        </button>
        <button
          type="button"
          class="text-button"
          disabled={!table}
          onClick={() => void exportXlsx()}
          data-export="xlsx"
        >
          {text.exportXlsx}
        </button>
        {source.kind === 'zone' ? null : (
          <button type="button" class="text-button" onClick={() => void exportGeoJson()} data-export="geojson">
            {text.exportGeoJson}
          </button>
        )}
        <button
          type="button"
          class="text-button"
          disabled={!map || pngState.status === 'busy'}
          aria-describedby={map ? undefined : 'statistics-png-needs-map'}
          onClick={() => void exportPng()}
          data-export="png"
        >
          {text.exportPng}
        </button>
      </p>
      {source.kind === 'zone' ? <p class="small muted">{text.exportGeoJsonZone}</p> : null}
      {map ? null : (
        <p id="statistics-png-needs-map" class="small muted">
          {text.pngNeedsMap}
        </p>
      )}
      <p class="small muted" role="status">
        {pngState.status === 'busy' ? text.exportingPng : pngState.status === 'done' ? pngState.message : ''}
      </p>
      <div role="alert">
        {failure ? <p class="data-error">{failure}</p> : null}
        {pngState.status === 'failed' ? <p class="data-error">{pngState.message}</p> : null}
      </div>
    </div>
  );
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
  const bars = useMemo(() => chartBars(sortedRows, nameOf), [sortedRows, nameOf]);

  // An imported layer grouped by one of its own properties reads like a GIS layer: coloured and
  // labelled by that property, table rows and map features pointing at each other.
  const map = plannerMap.value;
  const propertyField =
    importedLayer &&
    table?.source.kind === 'imported' &&
    !(BUILT_IN_GROUPINGS as readonly string[]).includes(table.groupedBy)
      ? table.groupedBy
      : null;
  const [colourByProperty, setColourByProperty] = useState(false);
  const [labelByProperty, setLabelByProperty] = useState(false);
  const [highlighted, setHighlighted] = useState<{ key: string | null } | null>(null);
  const [greenValues, setGreenValues] = useState<readonly string[]>([]);
  const greenByValues = useMemo(
    () => (propertyField && table && greenValues.length > 0 ? greenRatioByValues(table, greenValues) : null),
    [propertyField, table, greenValues],
  );
  const colouring = useMemo(
    () =>
      propertyField && table && colourByProperty
        ? categoryColouring(
            propertyField,
            table.rows.map((row) => row.key),
          )
        : null,
    [propertyField, table, colourByProperty],
  );
  const layerId = importedLayer?.id ?? null;
  useEffect(() => {
    setHighlighted(null);
    setGreenValues([]);
  }, [layerId, propertyField]);
  useEffect(() => {
    if (!map || !layerId) return;
    map.userLayers.setCategoryColouring(layerId, colouring);
    return () => map.userLayers.setCategoryColouring(layerId, null);
  }, [map, layerId, colouring]);
  useEffect(() => {
    if (!map || !layerId) return;
    map.userLayers.setLabels(layerId, labelByProperty ? propertyField : null);
    return () => map.userLayers.setLabels(layerId, null);
  }, [map, layerId, propertyField, labelByProperty]);
  useEffect(() => {
    if (!map || !layerId) return;
    map.userLayers.setHighlight(
      layerId,
      propertyField && highlighted ? { field: propertyField, key: highlighted.key } : null,
    );
    return () => map.userLayers.setHighlight(layerId, null);
  }, [map, layerId, propertyField, highlighted]);
  // A feature clicked on the map marks its category's row.
  const clicked = selectedImportedFeature.value;
  useEffect(() => {
    if (!clicked || !propertyField || clicked.layerId !== layerId) return;
    setHighlighted({ key: categoryKeyOf(clicked.properties[propertyField]) });
  }, [clicked, propertyField, layerId]);
  useEffect(() => {
    if (!highlighted) return;
    document.querySelector('.statistics-row--highlighted')?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  const uncoloured = colouring
    ? table!.rows.filter((row) => categoryColour(colouring, row.key) === colouring.fallback && row.key !== null).length
    : 0;
  const chartLabels = useMemo<LandUseChartLabels>(
    () => ({ axis: text.chartAxis, percent: (value: number) => formatPercent(value / 100, tag, 1) }),
    [text, tag],
  );

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
              <fieldset class="statistics-map-display">
                <legend>{text.mapDisplayLegend}</legend>
                <label>
                  <input
                    type="checkbox"
                    data-map-colour
                    checked={colourByProperty}
                    onChange={(event) => setColourByProperty((event.currentTarget as HTMLInputElement).checked)}
                  />
                  {text.colourByProperty(propertyField)}
                </label>
                <label>
                  <input
                    type="checkbox"
                    data-map-labels
                    checked={labelByProperty}
                    onChange={(event) => setLabelByProperty((event.currentTarget as HTMLInputElement).checked)}
                  />
                  {text.labelByProperty(propertyField)}
                </label>
                {colouring && (uncoloured > 0 || table.rows.some((row) => row.key === null)) ? (
                  <p class="small muted">
                    <span class="land-use-swatch" style={{ backgroundColor: colouring.fallback }} aria-hidden="true" />{' '}
                    {text.otherCategories(uncoloured)}
                  </p>
                ) : null}
                <p class="small muted">{text.mapDisplayHint}</p>
              </fieldset>
            ) : null}
            {propertyField ? (
              <fieldset class="statistics-green-values">
                <legend>{text.greenValuesLegend(propertyField)}</legend>
                <p class="small muted">{text.greenValuesHint}</p>
                {table.rows
                  .filter((row) => row.key !== null)
                  .map((row) => (
                    <label key={row.key!}>
                      <input
                        type="checkbox"
                        data-green-value={row.key!}
                        checked={greenValues.includes(row.key!)}
                        onChange={(event) => {
                          const checked = (event.currentTarget as HTMLInputElement).checked;
                          setGreenValues((current) =>
                            checked ? [...current, row.key!] : current.filter((value) => value !== row.key),
                          );
                        }}
                      />
                      {nameOf(row.key)}
                    </label>
                  ))}
                {greenByValues ? (
                  <p class="statistics-green-values__result" data-green-ratio={greenByValues.ratio ?? ''} role="status">
                    {text.greenRatioByValues(
                      greenByValues.ratio === null ? text.notComputed : formatPercent(greenByValues.ratio, tag, 1),
                      `${formatNumber(convertArea(greenByValues.greenAreaM2, 'm2', unit), tag, UNIT_DECIMALS[unit])} ${text.unitNames[unit]}`,
                      `${formatNumber(convertArea(greenByValues.landAreaM2, 'm2', unit), tag, UNIT_DECIMALS[unit])} ${text.unitNames[unit]}`,
                    )}
                  </p>
                ) : null}
                {greenByValues ? <p class="small muted">{text.greenRatioByValuesNote}</p> : null}
              </fieldset>
            ) : null}
            {table.rows.length > 0 ? (
              <LandUseChart
                bars={bars}
                labels={chartLabels}
                summary={chartSummary(table, sortedRows, nameOf, text, tag)}
              />
            ) : null}
          </>
        ) : null}
        {open && importedLayer ? (
          <LandUseClassSection key={importedLayer.id} layer={importedLayer} unit={unit} />
        ) : null}
        {open ? (
          <ExportButtons
            source={source}
            nameOf={nameOf}
            table={table}
            rows={sortedRows}
            title={title}
            categoryLegend={
              colouring && layerId
                ? {
                    layerId,
                    entries: [
                      ...colouring.valueColours.map(([value, colour]) => ({
                        color: colour,
                        title: `${propertyField}: ${nameOf(value)}`,
                      })),
                      { color: colouring.fallback, title: text.otherCategories(uncoloured) },
                    ],
                  }
                : null
            }
          />
        ) : null}
      </details>
    </section>
  );
}
