/**
 * Numbers of the trip panel as text: distances rounded to what a straight-line estimate can
 * claim, and durations in whole minutes. Pure, so node tests check what a visitor reads.
 */
/** Under 1 km to the nearest 10 m, beyond to 0.1 km: a straight line says no more than that. */
export function formatDistance(metres: number, languageTag: string): string {
  if (!Number.isFinite(metres) || metres < 0) return '–';
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m`;
  return `${(metres / 1000).toLocaleString(languageTag, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km`;
}

/** Whole minutes, rounded up from any travel at all so a short leg never reads "0 min". */
export function durationParts(seconds: number): { hours: number; minutes: number } {
  const totalMinutes = !Number.isFinite(seconds) || seconds <= 0 ? 0 : Math.max(1, Math.round(seconds / 60));
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** A display name in the chosen language, falling back to the other one, then to the id. */
export function placeName(place: { nameZh: string; nameEn: string; id: string }, language: 'zh' | 'en'): string {
  const [first, second] = language === 'zh' ? [place.nameZh, place.nameEn] : [place.nameEn, place.nameZh];
  return first || second || place.id;
}

/** A download's file name from the trip's date-free summary: safe on every file system. */
export function exportFileName(stopCount: number, extension: 'gpx' | 'geojson'): string {
  return `luzhou-hitech-zone-trip-${stopCount}-stops.${extension}`;
}
