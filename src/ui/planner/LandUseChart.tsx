/**
 * The land-use bar chart. The chart library arrives with the first table (dynamic import); the
 * canvas is an image to assistive technology, labelled with a summary, and the table above it is
 * the full accessible alternative.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { messages } from '../../i18n/index.ts';
import { formatPercent } from '../format.ts';
import type { LandUseChartHandle, LandUseChartLabels } from './land-use-chart.ts';
import { statisticsMessages } from './statistics-messages.ts';
import type { ChartBar } from './statistics-table.ts';

interface LandUseChartProps {
  bars: readonly ChartBar[];
  summary: string;
}

const BAR_HEIGHT_PX = 26;
const AXES_HEIGHT_PX = 56;

export function LandUseChart({ bars, summary }: LandUseChartProps) {
  const text = statisticsMessages();
  const tag = messages.value.languageTag;
  const labels = useMemo<LandUseChartLabels>(
    () => ({ axis: text.chartAxis, percent: (value: number) => formatPercent(value / 100, tag, 1) }),
    [text.chartAxis, tag],
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const handleRef = useRef<LandUseChartHandle | null>(null);
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready' } | { status: 'failed'; reason: string }
  >({ status: 'loading' });
  const latest = useRef({ bars, labels });
  latest.current = { bars, labels };

  useEffect(() => {
    let cancelled = false;
    import('./land-use-chart.ts')
      .then(({ createLandUseChart }) => {
        if (cancelled || !canvasRef.current) return null;
        return createLandUseChart(canvasRef.current, latest.current.bars, latest.current.labels);
      })
      .then((handle) => {
        if (!handle) return;
        if (cancelled) {
          handle.destroy();
          return;
        }
        handleRef.current = handle;
        // Bars may have changed while the library was loading.
        handle.update(latest.current.bars, latest.current.labels);
        setState({ status: 'ready' });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      handleRef.current?.destroy();
      handleRef.current = null;
    };
  }, []);

  useEffect(() => {
    handleRef.current?.update(bars, labels);
  }, [bars, labels]);

  // Sized through the style object (CSSOM), which `style-src 'self'` allows.
  const height = `${AXES_HEIGHT_PX + BAR_HEIGHT_PX * Math.max(bars.length, 1)}px`;
  return (
    <figure class="land-use-chart">
      <figcaption>{text.chartHeading}</figcaption>
      {state.status === 'loading' ? (
        <p class="small muted" role="status">
          {text.chartLoading}
        </p>
      ) : null}
      {state.status === 'failed' ? (
        <p class="data-error" role="alert">
          {text.chartFailed(state.reason)}
        </p>
      ) : null}
      <div class="land-use-chart__frame" style={{ height }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={summary}
          data-chart-ready={state.status === 'ready' ? 'true' : undefined}
        />
      </div>
    </figure>
  );
}
