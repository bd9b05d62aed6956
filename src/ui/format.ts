/**
 * Number formatting for the panels. Only unit conversion and rounding: every area it formats was
 * measured in analysis/.
 */
import type { AreaUnit } from '../data/dataset-types.ts';
import { convertArea } from '../geo/units.ts';

/** Enough digits that two figures a planner compares differ visibly, without false precision. */
function significantDigits(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return 0;
  if (magnitude >= 10) return 1;
  if (magnitude >= 1) return 2;
  return 3;
}

/**
 * Formatters by language and digits, made once each: constructing an `Intl.NumberFormat` costs far
 * more than formatting with one, and the panels format a figure for every feature as the map
 * starts (about 25 ms of the first load's main thread when each call built its own).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(languageTag: string, minimumFractionDigits: number, maximumFractionDigits: number) {
  const key = `${languageTag}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(languageTag, { minimumFractionDigits, maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, languageTag: string, fractionDigits?: number): string {
  const digits = fractionDigits ?? significantDigits(value);
  return numberFormat(languageTag, digits, digits).format(value);
}

/** An area in square metres shown in one unit, e.g. "1.20 km²". */
export function formatArea(squareMetres: number, unit: AreaUnit, unitLabel: string, languageTag: string): string {
  const value = convertArea(squareMetres, 'm2', unit);
  const digits = unit === 'mu' || unit === 'm2' ? 0 : undefined;
  return `${formatNumber(value, languageTag, digits)} ${unitLabel}`;
}

/** A stated figure in the unit it was published in, e.g. "1800 亩". */
export function formatStated(value: number, unitLabel: string, languageTag: string): string {
  return `${numberFormat(languageTag, 0, 3).format(value)} ${unitLabel}`;
}

/** A ratio 0…1 as a percentage, e.g. "41.3 %". */
export function formatPercent(ratio: number, languageTag: string, fractionDigits = 1): string {
  return `${formatNumber(ratio * 100, languageTag, fractionDigits)} %`;
}

/** A relative difference with its sign, e.g. "+3.2 %" or "−12.0 %". */
export function formatSignedPercent(ratio: number, languageTag: string, fractionDigits = 1): string {
  const text = formatPercent(Math.abs(ratio), languageTag, fractionDigits);
  // A difference that rounds to zero gets no sign: "−0.0 %" would claim a direction we cannot show.
  const shownPercent = Number((Math.abs(ratio) * 100).toFixed(fractionDigits));
  if (shownPercent === 0) return text;
  return ratio > 0 ? `+${text}` : `−${text}`;
}
