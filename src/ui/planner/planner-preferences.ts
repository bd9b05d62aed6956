/** The planner's choices that outlive one import: which coordinate system the next files are in. */
import { signal } from '@preact/signals';
import type { CoordinateSystem } from '../../data/coordinate-systems.ts';

export const importCoordinateSystem = signal<CoordinateSystem>('wgs84');
