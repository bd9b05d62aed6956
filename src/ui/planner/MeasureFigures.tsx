/**
 * How a drawn shape's figures read: an area in the unit a planner reads at that size followed by
 * the others, a length in m or km, and the facts list the live readout and each shape show.
 */
import type { DrawnMeasurement } from '../../analysis/drawn-shape-measurement.ts';
import {
  metresToKilometres,
  SQUARE_METRES_PER_HECTARE,
  SQUARE_METRES_PER_SQUARE_KILOMETRE,
  squareMetresToHectares,
  squareMetresToMu,
  squareMetresToSquareKilometres,
} from '../../geo/units.ts';
import { language } from '../../i18n/index.ts';
import { formatNumber } from '../format.ts';
import type { MeasureMessages } from './measure-messages.ts';

export function languageTag(): string {
  return language.value === 'zh' ? 'zh-CN' : 'en';
}

/** The area in the unit a planner reads at that size, then the others: "12.35 ha · 185 亩 · 123 456 m²". */
export function formatAreaLine(squareMetres: number, text: MeasureMessages): string {
  const tag = languageTag();
  const squareMetresText = `${formatNumber(squareMetres, tag, 0)} ${text.units.m2}`;
  const hectaresText = `${formatNumber(squareMetresToHectares(squareMetres), tag, squareMetres < 1e6 ? 2 : 1)} ${text.units.ha}`;
  const kilometresText = `${formatNumber(squareMetresToSquareKilometres(squareMetres), tag, 3)} ${text.units.km2}`;
  const muText = `${formatNumber(squareMetresToMu(squareMetres), tag, squareMetres < 1e5 ? 1 : 0)} ${text.units.mu}`;
  if (squareMetres < SQUARE_METRES_PER_HECTARE) return [squareMetresText, muText, hectaresText].join(' · ');
  if (squareMetres < SQUARE_METRES_PER_SQUARE_KILOMETRE) return [hectaresText, muText, squareMetresText].join(' · ');
  return [kilometresText, hectaresText, muText].join(' · ');
}

export function formatLength(metres: number, text: MeasureMessages): string {
  const tag = languageTag();
  return metres < 1000
    ? `${formatNumber(metres, tag, 1)} ${text.units.m}`
    : `${formatNumber(metresToKilometres(metres), tag, 3)} ${text.units.km}`;
}

export function MeasurementFacts({ measurement, text }: { measurement: DrawnMeasurement; text: MeasureMessages }) {
  if (measurement.type === 'length') {
    return (
      <dl class="facts measure-facts">
        <dt>{text.length}</dt>
        <dd class="measure-length" data-length-m={String(measurement.lengthM)}>
          {formatLength(measurement.lengthM, text)}
        </dd>
      </dl>
    );
  }
  return (
    <dl class="facts measure-facts">
      <dt>{text.area}</dt>
      {measurement.type === 'area' ? (
        <dd class="measure-area" data-area-m2={String(measurement.areaM2)}>
          {formatAreaLine(measurement.areaM2, text)}
        </dd>
      ) : (
        <dd class="measure-area measure-area--none caveat">
          {measurement.problem === 'crosses-itself' ? text.crossesItself : text.tooFewPoints}
        </dd>
      )}
      <dt>{text.perimeter}</dt>
      <dd class="measure-perimeter" data-perimeter-m={String(measurement.perimeterM)}>
        {formatLength(measurement.perimeterM, text)}
      </dd>
    </dl>
  );
}
