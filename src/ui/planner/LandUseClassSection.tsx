/**
 * An imported layer read by the national land classification: pick (or accept the detected) code
 * column, its standard and the level; the class table with codes, official names and colours, the
 * values that are no code listed apart, the planning indicators with their definitions and
 * denominators beside the dataset's own 绿地率, a chart, and the map coloured by class.
 *
 * Everything is computed in the land-use class worker by `classifyLandUse`, the function the
 * stats CLI prints; this component only chooses and hands the colours to the map. The controls,
 * the tables (with the indicators) and the exports are components of their own beside it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LandUseClassStatistics } from '../../analysis/land-use-classes.ts';
import type { ColumnDetection } from '../../analysis/land-use-standard-detection.ts';
import type { ClassificationStandardId } from '../../data/classification/classification-types.ts';
import { UNKNOWN_CODE_COLOUR } from '../../data/classification/land-use-palette.ts';
import type { AreaUnit } from '../../data/dataset-types.ts';
import { language, messages } from '../../i18n/index.ts';
import { exportImportedLayer, type ImportedLayer } from '../../state/imported-layers-store.ts';
import { plannerMap } from '../../state/planner-map.ts';
import { classifyLayer, detectLayerCodeColumns, type LayerData } from '../../workers/land-use-classes-client.ts';
import { formatPercent } from '../format.ts';
import { reasonOf } from './error-reason.ts';
import { LandUseChart } from './LandUseChart.tsx';
import { LandUseClassControls, type LandUseClassChoices } from './LandUseClassControls.tsx';
import { LandUseClassExports } from './LandUseClassExports.tsx';
import { LandUseClassTables } from './LandUseClassTables.tsx';
import { landUseClassMessages } from './land-use-class-messages.ts';
import { formatAreaIn } from './statistics-area-format.ts';
import { statisticsMessages } from './statistics-messages.ts';
import type { ChartBar } from './statistics-table.ts';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; reason: string };

interface Props {
  layer: ImportedLayer;
  unit: AreaUnit;
}

export function LandUseClassSection({ layer, unit }: Props) {
  const text = landUseClassMessages();
  const unitName = statisticsMessages().unitNames[unit];
  const tag = messages.value.languageTag;
  const layerData = useMemo<LayerData>(
    () => ({ dataKey: `${layer.id}\u0000${layer.dataUrl}`, exportLayer: () => exportImportedLayer(layer.id) }),
    [layer.id, layer.dataUrl],
  );

  const [detection, setDetection] = useState<Loaded<ColumnDetection[]>>({ status: 'loading' });
  const [choices, setChoices] = useState<LandUseClassChoices>({
    field: null,
    standard: 'auto',
    level: 1,
    colourMap: true,
  });
  const [result, setResult] = useState<Loaded<LandUseClassStatistics> | null>(null);
  const chosenField = choices.field;
  const level = choices.level;

  useEffect(() => {
    let current = true;
    setDetection({ status: 'loading' });
    detectLayerCodeColumns(layerData, layer.propertyNames).then(
      (columns) => {
        if (!current) return;
        setDetection({ status: 'ready', value: columns });
        setChoices((chosen) => ({
          ...chosen,
          field:
            chosen.field !== null && layer.propertyNames.includes(chosen.field)
              ? chosen.field
              : (columns[0]?.field ?? null),
        }));
      },
      (error: unknown) => current && setDetection({ status: 'failed', reason: reasonOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [layerData]);

  const columns = detection.status === 'ready' ? detection.value : [];
  const fieldDetection = columns.find((column) => column.field === chosenField) ?? null;
  const standard: ClassificationStandardId | null =
    choices.standard === 'auto' ? (fieldDetection?.standard ?? null) : choices.standard;

  useEffect(() => {
    if (chosenField === null || standard === null) {
      setResult(null);
      return;
    }
    let current = true;
    setResult({ status: 'loading' });
    classifyLayer(layerData, chosenField, level, standard).then(
      (statistics) => current && setResult({ status: 'ready', value: statistics }),
      (error: unknown) => current && setResult({ status: 'failed', reason: reasonOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [layerData, chosenField, level, standard]);

  const statistics = result?.status === 'ready' ? result.value : null;
  const map = plannerMap.value;
  useEffect(() => {
    if (!map) return;
    const colouring =
      statistics && choices.colourMap
        ? { field: statistics.field, valueColours: statistics.valueColours, fallback: UNKNOWN_CODE_COLOUR }
        : null;
    map.userLayers.setClassColouring(layer.id, colouring);
    return () => map.userLayers.setClassColouring(layer.id, null);
  }, [map, layer.id, statistics, choices.colourMap]);

  const area = (squareMetres: number): string => formatAreaIn(squareMetres, unit, tag);
  const share = (areaM2: number): number | null =>
    statistics && statistics.classifiedAreaM2 > 0 ? areaM2 / statistics.classifiedAreaM2 : null;
  const bars = useMemo<ChartBar[]>(
    () =>
      statistics
        ? statistics.classes.map((row) => ({
            label: `${row.code} ${row.name_zh}`,
            percent: (share(row.areaM2) ?? 0) * 100,
            colour: row.colour,
          }))
        : [],
    [statistics],
  );

  const otherFields = layer.propertyNames.filter((field) => !columns.some((column) => column.field === field));
  const lang = language.value;

  return (
    <section class="land-use-classes" aria-labelledby="land-use-classes-heading" data-layer-id={layer.id}>
      <h4 id="land-use-classes-heading">{text.heading}</h4>
      <p class="small muted">{text.intro}</p>
      {detection.status === 'loading' ? (
        <p class="small muted" role="status">
          {text.detecting}
        </p>
      ) : null}
      {detection.status === 'failed' ? (
        <p class="data-error" role="alert">
          {text.detectFailed(detection.reason)}
        </p>
      ) : null}
      {detection.status === 'ready' && columns.length === 0 ? <p class="small muted">{text.noCodeColumn}</p> : null}
      {detection.status === 'ready' ? (
        <LandUseClassControls
          columns={columns}
          otherFields={otherFields}
          fieldDetection={fieldDetection}
          standard={standard}
          choices={choices}
          onChange={(changed) => setChoices((chosen) => ({ ...chosen, ...changed }))}
        />
      ) : null}
      {result?.status === 'loading' ? (
        <p class="small muted" role="status">
          {text.loading}
        </p>
      ) : null}
      {result?.status === 'failed' ? (
        <p class="data-error" role="alert">
          {text.failed(result.reason)}
        </p>
      ) : null}
      {statistics ? <LandUseClassTables statistics={statistics} area={area} share={share} unitName={unitName} /> : null}
      {statistics ? <LandUseClassExports statistics={statistics} fileName={layer.fileName} /> : null}
      {statistics && statistics.classes.length > 0 ? (
        <LandUseChart
          bars={bars}
          summary={text.chartSummary(
            statistics.classes.length,
            [...statistics.classes]
              .sort((first, second) => second.areaM2 - first.areaM2)
              .slice(0, 3)
              .map((row) => `${row.code} ${row.name_zh} ${formatPercent(share(row.areaM2) ?? 0, tag, 1)}`)
              .join(lang === 'zh' ? '，' : ', '),
          )}
        />
      ) : null}
    </section>
  );
}
