/**
 * How the imported layers look on the map: a colour each (one the dataset's layers do not use)
 * and whether they show. Plain data, so the map module stays the only one that knows MapLibre.
 */
import { signal } from '@preact/signals';
import type { UserLayerDisplay } from '../map/user-layers.ts';

/**
 * Eight colours unlike the dataset's (grey districts, blue river, orange wings, red core, purple
 * parks, green land): magenta first, then cyan, near-black, brown …; they repeat after eight.
 */
export const IMPORTED_LAYER_COLOURS = [
  '#d01c8b',
  '#0a8fb0',
  '#1b1b1b',
  '#8c510a',
  '#2b4bd8',
  '#5aa02c',
  '#e66101',
  '#6a3d9a',
] as const;

export function importedLayerColour(index: number): string {
  return IMPORTED_LAYER_COLOURS[index % IMPORTED_LAYER_COLOURS.length]!;
}

export function importedLayerDisplays(
  layers: readonly { id: string; dataUrl: string; visible: boolean }[],
): UserLayerDisplay[] {
  return layers.map((layer, index) => ({
    id: layer.id,
    dataUrl: layer.dataUrl,
    visible: layer.visible,
    colour: importedLayerColour(index),
  }));
}

/** The imported feature the planner clicked: its layer, its index in the file, and its properties. */
export interface ImportedFeatureSelection {
  layerId: string;
  featureIndex: number;
  properties: Readonly<Record<string, unknown>>;
}

export const selectedImportedFeature = signal<ImportedFeatureSelection | null>(null);

/** A request to frame a bounding box (an imported layer); a fresh object each time so asking twice frames twice. */
export const importedFrameRequest = signal<{ bounds: [number, number, number, number] } | null>(null);
