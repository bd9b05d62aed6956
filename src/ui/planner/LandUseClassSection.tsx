/**
 * An imported layer read by the national land classification: pick (or accept the detected) code
 * column, its standard and the level; the class table with codes, official names and colours, the
 * values that are no code listed apart, the planning indicators with their definitions and
 * denominators beside the dataset's own 绿地率, a chart, and the map coloured by class.
 *
 * Everything is computed in the land-use class worker by `classifyLandUse`, the function the
 * stats CLI prints; this component only chooses, formats and hands the colours to the map.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { GREEN_SPACE_RATIO_DEFINITION } from '../../analysis/green-space-definition.ts';
import type { LandUseClassStatistics, LandUseIndicator } from '../../analysis/land-use-classes.ts';
import type { ColumnDetection } from '../../analysis/land-use-standard-detection.ts';
import type { ClassificationStandardId } from '../../data/classification/classification-types.ts';
import { UNKNOWN_CODE_COLOUR } from '../../data/classification/land-use-palette.ts';
import { CLASSIFICATION_STANDARDS, standardById } from '../../data/classification/standards.ts';
import type { AreaUnit } from '../../data/dataset-types.ts';
import { convertArea } from '../../geo/units.ts';
import { language, messages } from '../../i18n/index.ts';
import { datasetState } from '../../state/app-state.ts';
import { exportImportedLayer, type ImportedLayer } from '../../state/imported-layers-store.ts';
import { plannerMap } from '../../state/planner-map.ts';
import { classifyLayer, detectLayerCodeColumns, type LayerData } from '../../workers/land-use-classes-client.ts';
import { landUseClassesCsvBlob } from '../../export/csv.ts';
import { landUseClassSheet } from '../../export/statistics-sheet.ts';
import { safeFileName, withoutExtension } from '../../export/file-name.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { download } from './download.ts';
import { LandUseChart } from './LandUseChart.tsx';
import { landUseClassMessages } from './land-use-class-messages.ts';
import type { LandUseChartLabels } from './land-use-chart.ts';
import { statisticsMessages } from './statistics-messages.ts';
import type { ChartBar } from './statistics-table.ts';

const UNIT_DECIMALS: Record<AreaUnit, number> = { m2: 0, ha: 2, km2: 4, mu: 1 };

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; reason: string };

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function standardName(id: ClassificationStandardId): string {
  return standardById(id).title[language.value];
}

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
  const [chosenField, setChosenField] = useState<string | null>(null);
  const [chosenStandard, setChosenStandard] = useState<ClassificationStandardId | 'auto'>('auto');
  const [level, setLevel] = useState<1 | 2>(1);
  const [colourMap, setColourMap] = useState(true);
  const [result, setResult] = useState<Loaded<LandUseClassStatistics> | null>(null);

  useEffect(() => {
    let current = true;
    setDetection({ status: 'loading' });
    detectLayerCodeColumns(layerData, layer.propertyNames).then(
      (columns) => {
        if (!current) return;
        setDetection({ status: 'ready', value: columns });
        setChosenField((field) =>
          field !== null && layer.propertyNames.includes(field) ? field : (columns[0]?.field ?? null),
        );
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
    chosenStandard === 'auto' ? (fieldDetection?.standard ?? null) : chosenStandard;

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
      statistics && colourMap
        ? { field: statistics.field, valueColours: statistics.valueColours, fallback: UNKNOWN_CODE_COLOUR }
        : null;
    map.userLayers.setClassColouring(layer.id, colouring);
    return () => map.userLayers.setClassColouring(layer.id, null);
  }, [map, layer.id, statistics, colourMap]);

  const area = (squareMetres: number): string =>
    `${formatNumber(convertArea(squareMetres, 'm2', unit), tag, UNIT_DECIMALS[unit])}`;
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
  const chartLabels = useMemo<LandUseChartLabels>(
    () => ({ axis: statisticsMessages().chartAxis, percent: (value: number) => formatPercent(value / 100, tag, 1) }),
    [tag, language.value],
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
        <div class="statistics-controls land-use-classes__controls">
          <label>
            <span>{text.columnLabel}</span>
            <select
              data-control="code-column"
              value={chosenField ?? ''}
              onChange={(event) => setChosenField((event.currentTarget as HTMLSelectElement).value || null)}
            >
              <option value="">{text.noColumn}</option>
              {columns.map((column) => (
                <option key={column.field} value={column.field}>
                  {text.columnOption(
                    column.field,
                    standardName(column.standard!),
                    formatPercent(column.scores[0]!.recognisedShare, tag, 0),
                  )}
                </option>
              ))}
              {otherFields.map((field) => (
                <option key={field} value={field}>
                  {field}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{text.standardLabel}</span>
            <select
              data-control="standard"
              value={chosenStandard}
              onChange={(event) =>
                setChosenStandard((event.currentTarget as HTMLSelectElement).value as ClassificationStandardId | 'auto')
              }
            >
              <option value="auto">
                {fieldDetection?.standard
                  ? text.standardAuto(standardName(fieldDetection.standard))
                  : text.standardAutoNone}
              </option>
              {CLASSIFICATION_STANDARDS.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{text.levelLabel}</span>
            <select
              data-control="level"
              value={String(level)}
              onChange={(event) => setLevel((event.currentTarget as HTMLSelectElement).value === '2' ? 2 : 1)}
            >
              <option value="1">{text.levels[1]}</option>
              <option value="2">{text.levels[2]}</option>
            </select>
          </label>
          <label class="land-use-classes__toggle">
            <input
              type="checkbox"
              data-control="colour-map"
              checked={colourMap}
              onChange={(event) => setColourMap((event.currentTarget as HTMLInputElement).checked)}
            />
            <span>{text.colourMap}</span>
          </label>
        </div>
      ) : null}
      {chosenField !== null && standard === null && detection.status === 'ready' ? (
        <p class="small muted">{text.pickStandard}</p>
      ) : null}
      {fieldDetection ? (
        <p class="small muted land-use-classes__detected">
          {text.detected(
            fieldDetection.field,
            fieldDetection.scores
              .map((score) => `${standardName(score.standard)} ${formatPercent(score.recognisedShare, tag, 1)}`)
              .join(lang === 'zh' ? '，' : ', '),
            fieldDetection.nameSuggests.length > 0
              ? text.nameHint(fieldDetection.nameSuggests.map(standardName).join(lang === 'zh' ? '、' : ', '))
              : '',
          )}
        </p>
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
      {statistics ? <ClassResults statistics={statistics} area={area} share={share} unitName={unitName} /> : null}
      {statistics ? <ClassCsvButton statistics={statistics} fileName={layer.fileName} /> : null}
      {statistics && statistics.classes.length > 0 ? (
        <LandUseChart
          bars={bars}
          labels={chartLabels}
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

function ClassCsvButton({ statistics, fileName }: { statistics: LandUseClassStatistics; fileName: string }) {
  const text = landUseClassMessages();
  const lang = language.value;
  const [failure, setFailure] = useState<string | null>(null);
  const options = () => {
    const standard = standardById(statistics.standard);
    return {
      language: lang,
      sourceTitle: fileName,
      standardTitle: standard.title[lang],
      edition: standard.edition,
      exportedAt: new Date().toISOString(),
    };
  };
  const fileNameFor = (extension: string) =>
    safeFileName(
      [text.fileStem, withoutExtension(fileName), statistics.field, `level-${statistics.level}`],
      extension,
      'land-use-classes',
    );
  const exportCsv = (): void => {
    setFailure(null);
    try {
      download(landUseClassesCsvBlob(statistics, options()), fileNameFor('csv'));
    } catch (error) {
      setFailure(text.exportFailed(reasonOf(error)));
    }
  };
  const exportXlsx = async (): Promise<void> => {
    setFailure(null);
    try {
      const { sheetToXlsx } = await import('../../export/xlsx.ts');
      download(await sheetToXlsx(landUseClassSheet(statistics, options())), fileNameFor('xlsx'));
    } catch (error) {
      setFailure(text.exportFailed(reasonOf(error)));
    }
  };
  return (
    <p class="statistics-export__buttons">
      <button type="button" class="text-button" data-export="class-csv" onClick={exportCsv}>
        {text.exportCsv}
      </button>
      <button type="button" class="text-button" data-export="class-xlsx" onClick={() => void exportXlsx()}>
        {text.exportXlsx}
      </button>
      {failure ? (
        <span class="data-error" role="alert">
          {failure}
        </span>
      ) : null}
    </p>
  );
}

interface ResultsProps {
  statistics: LandUseClassStatistics;
  area: (squareMetres: number) => string;
  share: (areaM2: number) => number | null;
  unitName: string;
}

function ClassResults({ statistics, area, share, unitName }: ResultsProps) {
  const text = landUseClassMessages();
  const tag = messages.value.languageTag;
  const lang = language.value;
  const standard = standardById(statistics.standard);
  const percent = (ratio: number | null): string => (ratio === null ? '—' : formatPercent(ratio, tag, 1));
  const levelName = text.levels[statistics.level];
  return (
    <>
      <div class="statistics-table-frame">
        <table
          class="statistics-table land-use-class-table"
          data-standard={statistics.standard}
          data-level={statistics.level}
          data-field={statistics.field}
        >
          <caption>
            <span class="statistics-table__title">
              {text.caption(statistics.field, standard.title[lang], levelName)}
            </span>
            <span class="statistics-table__method small muted">{text.edition(standard.edition)}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.colour}</th>
              <th scope="col">{text.columns.code}</th>
              <th scope="col">{text.columns.name}</th>
              <th scope="col" class="numeric">
                {text.columns.area(unitName)}
              </th>
              <th scope="col" class="numeric">
                {text.columns.share}
              </th>
              <th scope="col" class="numeric">
                {text.columns.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {statistics.classes.map((row) => (
              <tr key={row.code} data-code={row.code} data-colour={row.colour} data-colour-source={row.colourSource}>
                <td>
                  <span
                    class="land-use-swatch"
                    style={{ backgroundColor: row.colour }}
                    title={text.colourSources[row.colourSource]}
                    aria-hidden="true"
                  />
                  <span class="visually-hidden">{text.colourSources[row.colourSource]}</span>
                </td>
                <th scope="row" class="land-use-class-table__code">
                  {row.code}
                </th>
                <td>{row.name_zh}</td>
                <td class="numeric" data-area-m2={row.areaM2}>
                  {area(row.areaM2)}
                </td>
                <td class="numeric">{percent(share(row.areaM2))}</td>
                <td class="numeric">{formatNumber(row.count, tag, 0)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row" colSpan={2}>
                {text.classifiedTotal}
              </th>
              <td class="numeric" data-area-m2={statistics.classifiedAreaM2}>
                {area(statistics.classifiedAreaM2)}
              </td>
              <td class="numeric">{percent(statistics.classifiedAreaM2 > 0 ? 1 : null)}</td>
              <td class="numeric">
                {formatNumber(
                  statistics.classes.reduce((sum, row) => sum + row.count, 0),
                  tag,
                  0,
                )}
              </td>
            </tr>
          </tfoot>
        </table>
        <ul class="statistics-notes small muted">
          <li>{text.shareOf}</li>
          <li>
            {text.measuredNote(
              `${area(statistics.classifiedAreaM2)} ${unitName}`,
              `${area(statistics.totalAreaM2)} ${unitName}`,
            )}
          </li>
          <li>{standard.colourSource[lang]}</li>
          <li>{text.sources(standard.sources.join('; '))}</li>
        </ul>
      </div>
      <h5 class="land-use-classes__subheading">{text.unknownHeading}</h5>
      {statistics.unknownCodes.length === 0 ? (
        <p class="small muted">{text.noUnknown}</p>
      ) : (
        <div class="statistics-table-frame">
          <p class="small">{text.unknownIntro}</p>
          <table class="statistics-table land-use-unknown-codes">
            <thead>
              <tr>
                <th scope="col">{text.unknownColumns.value}</th>
                <th scope="col" class="numeric">
                  {text.unknownColumns.count}
                </th>
                <th scope="col" class="numeric">
                  {text.unknownColumns.area(unitName)}
                </th>
              </tr>
            </thead>
            <tbody>
              {statistics.unknownCodes.map((entry) => (
                <tr key={entry.value ?? '\u0000'} data-value={entry.value ?? ''}>
                  <th scope="row" class={entry.value === null ? 'muted' : undefined}>
                    {entry.value === null ? text.noValue : <code>{entry.value}</code>}
                  </th>
                  <td class="numeric">{formatNumber(entry.count, tag, 0)}</td>
                  <td class="numeric" data-area-m2={entry.areaM2}>
                    {area(entry.areaM2)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {statistics.suffixedCodes.length > 0 ? (
        <>
          <h5 class="land-use-classes__subheading">{text.suffixedHeading}</h5>
          <div class="statistics-table-frame">
            <p class="small">{text.suffixedIntro}</p>
            <table class="statistics-table land-use-suffixed-codes">
              <thead>
                <tr>
                  <th scope="col">{text.suffixedColumns.value}</th>
                  <th scope="col">{text.suffixedColumns.countedAs}</th>
                  <th scope="col" class="numeric">
                    {text.suffixedColumns.count}
                  </th>
                  <th scope="col" class="numeric">
                    {text.suffixedColumns.area(unitName)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {statistics.suffixedCodes.map((entry) => (
                  <tr key={entry.value} data-value={entry.value} data-counted-as={entry.countedAs}>
                    <th scope="row">
                      <code>{entry.value}</code>
                    </th>
                    <td>{entry.countedAs}</td>
                    <td class="numeric">{formatNumber(entry.count, tag, 0)}</td>
                    <td class="numeric" data-area-m2={entry.areaM2}>
                      {area(entry.areaM2)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul class="statistics-notes small muted">
              {Object.entries(standard.suffixes ?? {}).map(([letter, meaning]) => (
                <li key={letter}>{meaning[lang]}</li>
              ))}
            </ul>
          </div>
        </>
      ) : null}
      <Indicators statistics={statistics} area={area} unitName={unitName} />
    </>
  );
}

function Indicators({
  statistics,
  area,
  unitName,
}: {
  statistics: LandUseClassStatistics;
  area: (squareMetres: number) => string;
  unitName: string;
}) {
  const text = landUseClassMessages();
  const tag = messages.value.languageTag;
  const lang = language.value;
  const state = datasetState.value;
  const datasetRatio =
    state.status === 'ready' && state.statistics ? state.statistics.summary.greenSpaceRatio : undefined;
  const entries = Object.entries(statistics.indicators) as [string, LandUseIndicator][];
  return (
    <>
      <h5 class="land-use-classes__subheading">{text.indicatorsHeading}</h5>
      <dl class="land-use-indicators">
        {entries.map(([key, indicator]) => (
          <div
            key={key}
            class="land-use-indicator"
            data-indicator={key}
            data-value={indicator.value === null ? '' : String(indicator.value)}
          >
            <dt>{indicator.name[lang]}</dt>
            <dd>
              <strong>{indicator.value === null ? text.notApplicable : formatPercent(indicator.value, tag, 1)}</strong>
              <span class="small muted land-use-indicator__definition">
                {text.definition}：{indicator.definition[lang]}
              </span>
              <span class="small muted land-use-indicator__denominator">
                {text.denominator(indicator.denominator[lang], `${area(indicator.denominatorM2)} ${unitName}`)}
              </span>
            </dd>
          </div>
        ))}
        <div
          class="land-use-indicator land-use-indicator--dataset"
          data-indicator="datasetGreenSpaceRatio"
          data-value={datasetRatio == null ? '' : String(datasetRatio)}
        >
          <dt>{text.datasetRatio}</dt>
          <dd>
            <strong>
              {datasetRatio === undefined
                ? text.datasetRatioPending
                : datasetRatio === null
                  ? '—'
                  : formatPercent(datasetRatio, tag, 1)}
            </strong>
            <span class="small muted land-use-indicator__definition">
              {text.definition}：{GREEN_SPACE_RATIO_DEFINITION[lang]}
            </span>
          </dd>
        </div>
      </dl>
    </>
  );
}
