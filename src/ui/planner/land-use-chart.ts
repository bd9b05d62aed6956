/**
 * The one module that imports the chart library, so it (≈ 50 KB gz with only the bar chart
 * registered) loads when a statistics table is first shown, never with the app.
 *
 * Chart.js draws on a canvas and sizes it through the element's style object, which a
 * `style-src 'self'` policy allows; it injects no <style> element and fetches nothing.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { family as appFontFamily } from 'virtual:app-font';
import type { ChartBar } from './statistics-table.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
// Every text the chart draws (ticks, axis title, tooltip) in the panels' font list, which main.tsx
// chose at start (the device's CJK font, or the shipped subset where it has none): Chart.js's default
// list has no CJK face, and on a device without one Chinese would draw as boxes.
const panelFontFamilies =
  getComputedStyle(document.documentElement).getPropertyValue('--app-font-family').trim() || `"${appFontFamily}"`;
Chart.defaults.font.family = `${panelFontFamilies}, sans-serif`;

/** Category names can be long (a planner's property values): the axis shows a prefix, the tooltip and the table the whole name. */
const MAXIMUM_TICK_CHARACTERS = 14;

export function shortenLabel(label: string): string {
  const characters = Array.from(label.replace(/\s+/g, ' '));
  return characters.length <= MAXIMUM_TICK_CHARACTERS
    ? characters.join('')
    : `${characters.slice(0, MAXIMUM_TICK_CHARACTERS - 1).join('')}…`;
}

export interface LandUseChartLabels {
  /** The value axis, e.g. "占比（%）". */
  axis: string;
  /** Formats a bar's percentage for its tooltip. */
  percent: (value: number) => string;
}

export interface LandUseChartHandle {
  update: (bars: readonly ChartBar[], labels: LandUseChartLabels) => void;
  destroy: () => void;
}

const BAR_COLOUR = '#2f6f4e';
const INK = '#1f2933';

/** Bars in their categories' colours get an ink outline: some class colours (16 white, 01 cream) vanish on white. */
function barColours(bars: readonly ChartBar[]): {
  backgroundColor: string | string[];
  borderColor: string;
  borderWidth: number;
} {
  const coloured = bars.some((bar) => bar.colour !== undefined);
  return coloured
    ? { backgroundColor: bars.map((bar) => bar.colour ?? BAR_COLOUR), borderColor: INK, borderWidth: 1 }
    : { backgroundColor: BAR_COLOUR, borderColor: BAR_COLOUR, borderWidth: 0 };
}

export async function createLandUseChart(
  canvas: HTMLCanvasElement,
  bars: readonly ChartBar[],
  labels: LandUseChartLabels,
): Promise<LandUseChartHandle> {
  // Category names may hold characters outside the subset font: load their faces before drawing.
  await document.fonts.load(`12px "${appFontFamily}"`, bars.map((bar) => bar.label).join('') + labels.axis);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: [{ data: bars.map((bar) => bar.percent), ...barColours(bars), maxBarThickness: 22 }],
    },
    options: {
      // Horizontal bars: Chinese category names read along the axis in a narrow sidebar.
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: INK,
      scales: {
        x: { beginAtZero: true, title: { display: true, text: labels.axis, color: INK }, ticks: { color: INK } },
        y: {
          ticks: {
            color: INK,
            autoSkip: false,
            callback(value) {
              return shortenLabel(String(this.getLabelForValue(Number(value))));
            },
          },
        },
      },
      plugins: {
        tooltip: { callbacks: { label: (item) => labels.percent(Number(item.raw)) } },
      },
    },
  });
  const apply = (nextBars: readonly ChartBar[], nextLabels: LandUseChartLabels): void => {
    chart.data.labels = nextBars.map((bar) => bar.label);
    chart.data.datasets[0]!.data = nextBars.map((bar) => bar.percent);
    Object.assign(chart.data.datasets[0]!, barColours(nextBars));
    const xScale = chart.options.scales?.['x'];
    if (xScale && 'title' in xScale && xScale.title) xScale.title.text = nextLabels.axis;
    chart.options.plugins!.tooltip!.callbacks!.label = (item) => nextLabels.percent(Number(item.raw));
    chart.update();
  };
  let destroyed = false;
  return {
    update: (nextBars, nextLabels) => {
      void document.fonts.load(`12px "${appFontFamily}"`, nextBars.map((bar) => bar.label).join('')).then(() => {
        if (!destroyed) apply(nextBars, nextLabels);
      });
    },
    destroy: () => {
      destroyed = true;
      chart.destroy();
    },
  };
}
