/**
 * The camera, as the URL sees it. `currentMapView` follows the map after each move (written by
 * MapView); `requestedMapView` is the view a link asked for, read once when the map is created.
 */
import { signal } from '@preact/signals';
import type { MapView } from './url-state.ts';

export type { MapView };

export const currentMapView = signal<MapView | null>(null);
export const requestedMapView = signal<MapView | null>(null);
