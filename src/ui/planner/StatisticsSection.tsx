/** STUB — owned by the statistics/export helper: land-use table, chart, CSV / PNG export. */
export function StatisticsSection() {
  return null;
}
