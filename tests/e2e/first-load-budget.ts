/**
 * The first-load budget (bundle-budget.json) and what issue 14's bytes goal is measured against,
 * shared by the browser tests that enforce it and the first-render bench that reports it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const projectRoot = join(import.meta.dirname, '..', '..');

interface BudgetEntry {
  limit: number;
  measured: number;
  measuredAt: string;
  why: string;
}

export interface BundleBudget {
  /** A device without a CJK font: the shipped font subset is part of its first load. */
  firstLoadBytes: BudgetEntry;
  /** A device with one, as nearly every visitor's is: no font file at all. */
  firstLoadBytesWithCjkFont: BudgetEntry;
}

export function readBundleBudget(): BundleBudget {
  return JSON.parse(readFileSync(join(projectRoot, 'bundle-budget.json'), 'utf8')) as BundleBudget;
}

/** maplibre-gl alone: its main module, worker and stylesheet as published, each gzipped. */
export function maplibreAloneBytes(): number {
  const distDirectory = join(projectRoot, 'node_modules', 'maplibre-gl', 'dist');
  return ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']
    .map((file) => gzipSync(readFileSync(join(distDirectory, file))).byteLength)
    .reduce((sum, bytes) => sum + bytes, 0);
}

/** Issue 14: bytes before the first frame at most this many times maplibre-gl alone. */
export const FIRST_LOAD_GOAL_RATIO = 1.25;
