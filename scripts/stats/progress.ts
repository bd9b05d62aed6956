/**
 * Progress of a long read, on stderr only (stdout carries the report, or the JSON document): a bar
 * with rate and time left when stderr is a terminal, a plain line now and then when it is a log.
 * Silent for the first second, so short runs print nothing but their report.
 */

export interface ProgressOptions {
  /** Bytes the whole read will be, when known (a file's size); without it no bar, no ETA. */
  totalBytes: number | null;
  isTerminal: boolean;
  write: (text: string) => void;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
  /** Columns of the terminal, for the bar's width. */
  columns?: number;
}

export interface Progress {
  update: (bytesRead: number, featuresRead: number) => void;
  /** Clears the bar (terminal) or writes the last line (log), if anything was shown. */
  finish: () => void;
}

const QUIET_MILLISECONDS = 1000;
const TERMINAL_INTERVAL_MILLISECONDS = 100;
const LOG_INTERVAL_MILLISECONDS = 5000;

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}

function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let lastShown = Number.NEGATIVE_INFINITY;
  let shown = false;
  let lastBytes = 0;
  let lastFeatures = 0;

  const describe = (bytesRead: number, featuresRead: number): { line: string; fraction: number | null } => {
    const seconds = Math.max((now() - started) / 1000, 1e-3);
    const rate = bytesRead / seconds;
    const features = `${featuresRead.toLocaleString('en-US')} features`;
    const speed = `${megabytes(rate)}/s`;
    if (options.totalBytes === null || options.totalBytes <= 0)
      return { line: `${megabytes(bytesRead)} read, ${features}, ${speed}`, fraction: null };
    const fraction = Math.min(1, bytesRead / options.totalBytes);
    const left = rate > 0 ? (options.totalBytes - bytesRead) / rate : 0;
    return {
      line: `${(fraction * 100).toFixed(0)} % ${megabytes(bytesRead)} of ${megabytes(options.totalBytes)}, ${features}, ${speed}, ETA ${duration(left)}`,
      fraction,
    };
  };

  return {
    update(bytesRead, featuresRead) {
      lastBytes = bytesRead;
      lastFeatures = featuresRead;
      const time = now();
      if (time - started < QUIET_MILLISECONDS) return;
      const interval = options.isTerminal ? TERMINAL_INTERVAL_MILLISECONDS : LOG_INTERVAL_MILLISECONDS;
      if (time - lastShown < interval) return;
      lastShown = time;
      shown = true;
      const { line, fraction } = describe(bytesRead, featuresRead);
      if (!options.isTerminal) {
        options.write(`stats: ${line}\n`);
        return;
      }
      const width = Math.max(10, Math.min(40, (options.columns ?? 80) - line.length - 4));
      const filled = fraction === null ? 0 : Math.round(fraction * width);
      const bar = fraction === null ? '' : `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] `;
      // \r and clear-to-end-of-line redraw the bar in place.
      options.write(`\r${bar}${line}\u001b[K`);
    },
    finish() {
      if (!shown) return;
      if (options.isTerminal) options.write('\r\u001b[K');
      else options.write(`stats: done, ${describe(lastBytes, lastFeatures).line.replace(/, ETA .*$/, '')}\n`);
    },
  };
}
