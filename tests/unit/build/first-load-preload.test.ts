/**
 * The preload links index.html gets for the first frame's run-time fetches: every file of the
 * shipped dataset, and nothing a hand-edited manifest could point elsewhere with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFilesToPreload } from '../../../scripts/vite/first-load-preload-plugin.ts';

const projectRoot = join(import.meta.dirname, '..', '..', '..');

describe('datasetFilesToPreload', () => {
  it('names the manifest and every file the shipped manifest names, in the order the page reads them', () => {
    const manifestText = readFileSync(join(projectRoot, 'geodata', 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as { layers: { file: string }[]; labels?: string };
    const files = datasetFilesToPreload(manifestText);
    expect(files).toEqual([
      'manifest.json',
      ...manifest.layers.map((layer) => layer.file),
      ...(manifest.labels ? [manifest.labels] : []),
    ]);
  });

  it('leaves out names that could leave the dataset folder or the origin', () => {
    const manifest = {
      layers: [
        { file: '../secret.json' },
        { file: 'https://example.com/zone.geojson' },
        { file: '//example.com/zone.geojson' },
        { file: '/etc/zone.geojson' },
        { file: 'parks.geojson" onload="alert(1)' },
        { file: 'sub/dir/green.geojson' },
        { file: 42 },
      ],
      labels: 'labels.geojson',
    };
    expect(datasetFilesToPreload(JSON.stringify(manifest))).toEqual([
      'manifest.json',
      'sub/dir/green.geojson',
      'labels.geojson',
    ]);
  });

  it('preloads only the manifest when it is not JSON (the page then explains the problem)', () => {
    expect(datasetFilesToPreload('{ not json')).toEqual(['manifest.json']);
  });
});
