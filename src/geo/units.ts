/**
 * Unit conversions a planner reads areas and lengths in. 亩 (mu) is the Chinese land unit fixed
 * at 10000/15 m² (≈ 666.667 m²), so 15 亩 = 1 ha exactly.
 */
/** Area units a planner uses. `mu` is the Chinese 亩 (10000/15 m²). */
export type AreaUnit = 'm2' | 'ha' | 'km2' | 'mu';

export const SQUARE_METRES_PER_HECTARE = 10_000;
export const SQUARE_METRES_PER_SQUARE_KILOMETRE = 1_000_000;
export const SQUARE_METRES_PER_MU = 10_000 / 15;
export const METRES_PER_KILOMETRE = 1000;

const SQUARE_METRES_PER_UNIT: Record<AreaUnit, number> = {
  m2: 1,
  ha: SQUARE_METRES_PER_HECTARE,
  km2: SQUARE_METRES_PER_SQUARE_KILOMETRE,
  mu: SQUARE_METRES_PER_MU,
};

/** @example convertArea(1800, 'mu', 'km2') // 1.2 */
export function convertArea(value: number, from: AreaUnit, to: AreaUnit): number {
  if (from === to) return value;
  return (value * SQUARE_METRES_PER_UNIT[from]) / SQUARE_METRES_PER_UNIT[to];
}

export function toSquareMetres(value: number, unit: AreaUnit): number {
  return convertArea(value, unit, 'm2');
}

export function squareMetresToHectares(squareMetres: number): number {
  return squareMetres / SQUARE_METRES_PER_HECTARE;
}

export function squareMetresToSquareKilometres(squareMetres: number): number {
  return squareMetres / SQUARE_METRES_PER_SQUARE_KILOMETRE;
}

export function squareMetresToMu(squareMetres: number): number {
  return squareMetres / SQUARE_METRES_PER_MU;
}

export function metresToKilometres(metres: number): number {
  return metres / METRES_PER_KILOMETRE;
}

export function isAreaUnit(value: unknown): value is AreaUnit {
  return typeof value === 'string' && Object.hasOwn(SQUARE_METRES_PER_UNIT, value);
}
