/**
 * The statistics exports: the table as CSV or an Excel workbook (in the order the planner sorted
 * it), the measured source as GeoJSON (an imported layer or the drawn shapes; the zone's own data
 * ships with the app), and the map view as an A4 PNG with a legend of what is drawn on it. An
 * image that takes longer than a second shows a progress bar saying which stage it is in.
 */
import { useState } from 'preact/hooks';
import type { LandUseRow, LandUseSource, LandUseTable } from '../../analysis/land-use-types.ts';
import { landUseCsvBlob } from '../../export/csv.ts';
import { safeFileName, withoutExtension } from '../../export/file-name.ts';
import { DRAWN_SHAPE_COLOUR, type MapImageStage } from '../../export/map-image-layout.ts';
import { landUseSheet } from '../../export/statistics-sheet.ts';
import { language, messages } from '../../i18n/index.ts';
import { datasetState, layerVisibility } from '../../state/app-state.ts';
import { drawnShapes, exportDrawnShapes } from '../../state/drawn-shapes-store.ts';
import { importedLayerColour } from '../../state/imported-layer-display.ts';
import { exportImportedLayer, importedLayers } from '../../state/imported-layers-store.ts';
import { plannerMap } from '../../state/planner-map.ts';
import { download } from './download.ts';
import { reasonOf } from './error-reason.ts';
import { measureMessages } from './measure-messages.ts';
import { statisticsMessages } from './statistics-messages.ts';

type ExportState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string };

/** A quicker export shows only a line of text: a bar that flashes up and away reads as a glitch. */
const PNG_PROGRESS_DELAY_MS = 1000;

interface StatisticsExportsProps {
  source: LandUseSource;
  nameOf: (key: string | null) => string;
  table: LandUseTable | null;
  /** The table's rows as the planner sees them sorted: the CSV keeps that order. */
  rows: readonly LandUseRow[];
  title: string;
  /** An imported layer drawn by a property: its legend rows replace the layer's one colour on the print. */
  categoryLegend?: { layerId: string; entries: { color: string; title: string }[] } | null;
}

export function StatisticsExports({ source, nameOf, table, rows, title, categoryLegend }: StatisticsExportsProps) {
  const text = statisticsMessages();
  const lang = language.value;
  const map = plannerMap.value;
  const [pngState, setPngState] = useState<ExportState>({ status: 'idle' });
  const [pngStage, setPngStage] = useState<MapImageStage>('rendering');
  const [pngSlow, setPngSlow] = useState(false);
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
    setPngStage('rendering');
    setPngSlow(false);
    const slowTimer = window.setTimeout(() => setPngSlow(true), PNG_PROGRESS_DELAY_MS);
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
        onStage: setPngStage,
      });
      const fileName = safeFileName([zoneName, date.toISOString().slice(0, 10)], 'png', 'map');
      download(blob, fileName);
      setPngState({ status: 'done', message: text.pngDone(fileName) });
    } catch (error) {
      setPngState({ status: 'failed', message: text.exportFailed('PNG', reasonOf(error)) });
    } finally {
      window.clearTimeout(slowTimer);
      setPngSlow(false);
    }
  };

  /** A line while the image is made; past a second, a bar with the stage; then the file's name. */
  const pngStatus = () => {
    if (pngState.status === 'done') return pngState.message;
    if (pngState.status !== 'busy') return '';
    if (!pngSlow) return text.exportingPng;
    return (
      <span class="statistics-export__progress" data-export-progress={pngStage}>
        <progress aria-label={text.pngProgressLabel} aria-busy="true" />
        {text.pngStage[pngStage]}
      </span>
    );
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
        {pngStatus()}
      </p>
      <div role="alert">
        {failure ? <p class="data-error">{failure}</p> : null}
        {pngState.status === 'failed' ? <p class="data-error">{pngState.message}</p> : null}
      </div>
    </div>
  );
}
