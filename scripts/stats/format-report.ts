/**
 * The human-readable reports of the stats CLI: the zone (units, areas in km² and 亩, stated beside
 * measured, green-space ratios with their definition) and a measured file.
 */
import type { ZoneStatistics } from '../../src/analysis/zone-statistics.ts';
import { GREEN_SPACE_RATIO_DEFINITION } from '../../src/analysis/green-space.ts';
import type { CollectionMeasurement } from '../../src/analysis/measure-collection.ts';
import type { Manifest } from '../../src/data/dataset-types.ts';
import { squareMetresToMu, squareMetresToSquareKilometres } from '../../src/geo/units.ts';
import { renderTable } from './text-table.ts';

const kilometres = (squareMetres: number) => squareMetresToSquareKilometres(squareMetres).toFixed(3);
const mu = (squareMetres: number) => Math.round(squareMetresToMu(squareMetres)).toLocaleString('en-US');
const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`);
const signedPercent = (ratio: number | null) =>
  ratio === null ? '—' : `${ratio >= 0 ? '+' : '−'}${Math.abs(ratio * 100).toFixed(1)} %`;

/** Shown instead of a difference where the shape was drawn to its stated figure. */
const BY_CONSTRUCTION = 'drawn to it, not a check';

function zoneLayerId(manifest: Manifest): string | undefined {
  return manifest.layers.find((layer) => layer.role === 'zone')?.id;
}

export function formatZoneReport(manifest: Manifest, statistics: ZoneStatistics): string {
  const { summary } = statistics;
  const lines: string[] = [];
  lines.push(`${manifest.name.zh}  ${manifest.name.en}`);
  lines.push(
    'Areas measured on the WGS84 ellipsoid from geodata/. "≈" marks approximate shapes (confidence below high).',
  );
  lines.push('');
  lines.push(`Zone area      measured ${kilometres(summary.zoneAreaM2)} km² (${mu(summary.zoneAreaM2)} 亩)`);
  if (summary.statedZoneAreaM2 !== null) {
    const difference = summary.statedZoneAreaM2 > 0 ? summary.zoneAreaM2 / summary.statedZoneAreaM2 - 1 : null;
    lines.push(`               stated   ${kilometres(summary.statedZoneAreaM2)} km² — ${summary.statedZoneAreaSource}`);
    // An outline drawn to the stated figure matches it by construction: a percentage would pass for a check.
    const zoneLayer = zoneLayerId(manifest);
    const zoneFeatures = statistics.features.filter((feature) => feature.layer === zoneLayer);
    const drawnToStated = zoneFeatures.length > 0 && zoneFeatures.every((feature) => feature.sizedToStated);
    lines.push(`               measured − stated: ${drawnToStated ? BY_CONSTRUCTION : signedPercent(difference)}`);
  }
  lines.push(
    `Green land     measured ${kilometres(summary.greenAreaM2)} km² inside the zone → 绿地率 green-space ratio ${percent(summary.greenSpaceRatio)}`,
  );
  if (summary.statedGreenShare !== null) {
    lines.push(
      `               stated   ${summary.statedGreenShareQualifier} ${percent(summary.statedGreenShare)} — ${summary.statedGreenShareSource}`,
    );
    lines.push(`               (${summary.statedGreenShareCovers.en})`);
  }
  lines.push('');
  lines.push(GREEN_SPACE_RATIO_DEFINITION.zh);
  lines.push(GREEN_SPACE_RATIO_DEFINITION.en);
  lines.push('');
  lines.push('Planning units');
  lines.push(
    renderTable(
      ['unit', 'name', 'km²', '亩', 'green km²', '绿地率'],
      statistics.units.map((unit) => [
        unit.id,
        `${unit.approximate ? '≈ ' : ''}${unit.name}`,
        kilometres(unit.areaM2),
        mu(unit.areaM2),
        kilometres(unit.greenAreaM2),
        percent(unit.greenSpaceRatio),
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right'],
    ),
  );
  lines.push('');
  lines.push('Features with an area (measured beside stated)');
  const measured = statistics.features.filter((feature) => feature.areaM2 !== null || feature.statedAreaM2 !== null);
  lines.push(
    renderTable(
      ['layer', 'name', 'measured km²', 'measured 亩', 'stated 亩', 'measured/stated', 'confidence'],
      measured.map((feature) => [
        feature.layer,
        `${feature.approximate ? '≈ ' : ''}${feature.name}`,
        feature.areaM2 === null ? 'no shape' : kilometres(feature.areaM2),
        feature.areaM2 === null ? '—' : mu(feature.areaM2),
        feature.statedAreaM2 === null ? '—' : mu(feature.statedAreaM2),
        feature.sizedToStated ? BY_CONSTRUCTION : signedPercent(feature.statedDifferenceRatio),
        feature.confidence,
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  lines.push('≈ shape estimated (confidence below high): its measured area is only as good as the drawing;');
  lines.push(
    `  "${BY_CONSTRUCTION}": the shape was sized to its published figure, so the two agree by construction, not by survey.`,
  );
  if (statistics.problems.length > 0) {
    lines.push('');
    lines.push('Not counted (geometry the clipper could not handle):');
    for (const problem of statistics.problems) lines.push(`  ${problem}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatCollectionReport(
  fileName: string,
  measurement: CollectionMeasurement,
  by: string | undefined,
): string {
  const lines: string[] = [];
  lines.push(`${fileName}: ${measurement.measuredCount} of ${measurement.featureCount} features have polygon area`);
  lines.push(
    `Total area ${kilometres(measurement.totalAreaM2)} km² · ${mu(measurement.totalAreaM2)} 亩 · ${measurement.totalAreaM2.toFixed(1)} m²`,
  );
  lines.push(`(${measurement.method})`);
  if (measurement.groups && by !== undefined) {
    lines.push('');
    lines.push(
      renderTable(
        [by, 'features', 'km²', '亩', 'share'],
        measurement.groups.map((group) => [
          group.key ?? '(no value)',
          String(group.count),
          kilometres(group.areaM2),
          mu(group.areaM2),
          percent(measurement.totalAreaM2 > 0 ? group.areaM2 / measurement.totalAreaM2 : null),
        ]),
        ['left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  const { points, lines: lineCount, nullGeometries } = measurement.skipped;
  if (points + lineCount + nullGeometries > 0) {
    lines.push('');
    lines.push(
      `Skipped (no area): ${points} point geometries, ${lineCount} line geometries, ${nullGeometries} features without geometry`,
    );
  }
  return `${lines.join('\n')}\n`;
}
