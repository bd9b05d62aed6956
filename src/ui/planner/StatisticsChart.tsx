/**
 * The land-use table as a bar chart, in the table's order, with a summary of the largest
 * categories for readers who cannot see the canvas (the table stays the full alternative).
 */
import { useMemo } from 'preact/hooks';
import type { LandUseRow, LandUseTable } from '../../analysis/land-use-types.ts';
import { messages } from '../../i18n/index.ts';
import { formatPercent } from '../format.ts';
import { LandUseChart } from './LandUseChart.tsx';
import { statisticsMessages, type StatisticsMessages } from './statistics-messages.ts';
import { chartBars } from './statistics-table.ts';

interface StatisticsChartProps {
  table: LandUseTable;
  /** The table's rows in the order the planner sorted them. */
  rows: readonly LandUseRow[];
  nameOf: (key: string | null) => string;
}

export function StatisticsChart({ table, rows, nameOf }: StatisticsChartProps) {
  const text = statisticsMessages();
  const tag = messages.value.languageTag;
  const bars = useMemo(() => chartBars(rows, nameOf), [rows, nameOf]);
  return <LandUseChart bars={bars} summary={chartSummary(table, rows, nameOf, text, tag)} />;
}

function chartSummary(
  table: LandUseTable,
  rows: readonly LandUseRow[],
  nameOf: (key: string | null) => string,
  text: StatisticsMessages,
  tag: string,
): string {
  const largest = [...rows]
    .sort((first, second) => second.areaM2 - first.areaM2)
    .slice(0, 3)
    .map((row) => `${nameOf(row.key)} ${row.share === null ? text.notComputed : formatPercent(row.share, tag, 1)}`)
    .join(tag.startsWith('zh') ? '，' : ', ');
  return text.chartSummary(table.rows.length, largest);
}
