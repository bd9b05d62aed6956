/**
 * `stats FILE --landuse FIELD [--level 1|2] [--standard ID] [--json]`: a coded parcel file as a
 * planning table, from the same `classifyLandUse` the app's class table shows, so both agree.
 * Without --standard the column's standard is detected (share of values recognised, column name)
 * and the detection is printed with the table.
 */
import type { FeatureCollection } from 'geojson';
import { classifyLandUse, type LandUseClassStatistics } from '../../src/analysis/land-use-classes.ts';
import { detectCodeColumn, type ColumnDetection } from '../../src/analysis/land-use-standard-detection.ts';
import type { ClassificationStandardId } from '../../src/data/classification/classification-types.ts';
import { standardById } from '../../src/data/classification/standards.ts';
import { renderTable } from './text-table.ts';

export interface LandUseReportOptions {
  file: string;
  field: string;
  level: 1 | 2;
  standard?: ClassificationStandardId;
}

export type LandUseReport =
  | { ok: true; detection: ColumnDetection; statistics: LandUseClassStatistics }
  | { ok: false; message: string };

export function landUseReport(collection: FeatureCollection, options: LandUseReportOptions): LandUseReport {
  const detection = detectCodeColumn(collection, options.field);
  if (detection.valueCount === 0)
    return { ok: false, message: `${options.file}: no feature has a value in "${options.field}"` };
  const standard = options.standard ?? detection.standard;
  if (standard === null) {
    const best = detection.scores[0]!;
    return {
      ok: false,
      message: `${options.file}: "${options.field}" does not look like land-use codes (at most ${(best.recognisedShare * 100).toFixed(0)} % of its values are codes of any known standard); name one with --standard`,
    };
  }
  return {
    ok: true,
    detection,
    statistics: classifyLandUse(collection, { field: options.field, level: options.level, standard }),
  };
}

/** The JSON document: the issue's fields first, then how it was measured and detected. */
export function landUseJson(file: string, report: Extract<LandUseReport, { ok: true }>): unknown {
  const { statistics, detection } = report;
  const standard = standardById(statistics.standard);
  return {
    file,
    field: statistics.field,
    level: statistics.level,
    totalAreaM2: statistics.totalAreaM2,
    standard: statistics.standard,
    classes: statistics.classes.map(({ code, name_zh, level, areaM2, count }) => ({
      code,
      name_zh,
      level,
      areaM2,
      count,
    })),
    unknownCodes: statistics.unknownCodes,
    suffixedCodes: statistics.suffixedCodes,
    indicators: statistics.indicators,
    classifiedAreaM2: statistics.classifiedAreaM2,
    standardTitle: standard.title,
    edition: standard.edition,
    detection,
    featureCount: statistics.featureCount,
    measuredCount: statistics.measuredCount,
    skipped: statistics.skipped,
    method: statistics.method,
  };
}

const hectares = (squareMetres: number) => (squareMetres / 10_000).toFixed(2);
const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`);

export function formatLandUseReport(file: string, report: Extract<LandUseReport, { ok: true }>): string {
  const { statistics, detection } = report;
  const standard = standardById(statistics.standard);
  const lines: string[] = [];
  lines.push(
    `${file}: "${statistics.field}" read as ${standard.title.zh}, ${statistics.level === 1 ? '一级类' : '二级类'}`,
  );
  lines.push(`Edition: ${standard.edition}`);
  lines.push(
    `Detected: ${detection.scores.map((score) => `${score.standard} ${(score.recognisedShare * 100).toFixed(1)} %`).join(', ')} of values recognised` +
      (detection.nameSuggests.length > 0 ? `; the name suggests ${detection.nameSuggests.join(', ')}` : ''),
  );
  lines.push('');
  lines.push(
    renderTable(
      ['code', '名称', 'ha', 'share', 'features'],
      statistics.classes.map((row) => [
        row.code,
        row.name_zh,
        hectares(row.areaM2),
        percent(statistics.classifiedAreaM2 > 0 ? row.areaM2 / statistics.classifiedAreaM2 : null),
        String(row.count),
      ]),
      ['left', 'left', 'right', 'right', 'right'],
    ),
  );
  lines.push('');
  lines.push(
    `Classified ${hectares(statistics.classifiedAreaM2)} ha of ${hectares(statistics.totalAreaM2)} ha measured (shares are of the classified area).`,
  );
  if (statistics.unknownCodes.length > 0) {
    lines.push('Unknown codes (not in the standard, not merged into any class):');
    for (const entry of statistics.unknownCodes)
      lines.push(
        `  ${entry.value === null ? '(no value)' : JSON.stringify(entry.value)}  ${entry.count} feature(s), ${hectares(entry.areaM2)} ha`,
      );
  }
  if (statistics.suffixedCodes.length > 0) {
    lines.push('Codes with a survey suffix letter, counted under the class they extend:');
    for (const entry of statistics.suffixedCodes)
      lines.push(
        `  ${JSON.stringify(entry.value)} → ${entry.countedAs}  ${entry.count} feature(s), ${hectares(entry.areaM2)} ha`,
      );
  }
  lines.push('');
  for (const indicator of Object.values(statistics.indicators)) {
    lines.push(`${indicator.name.zh} ${indicator.name.en}: ${percent(indicator.value)}`);
    lines.push(`  ${indicator.definition.en}`);
    lines.push(`  Denominator: ${indicator.denominator.en}.`);
  }
  lines.push('');
  lines.push(`Areas: ${statistics.method}.`);
  return `${lines.join('\n')}\n`;
}
