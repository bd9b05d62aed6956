/**
 * The planner's map controller once the map and the planner's code have both loaded; null before
 * that and without WebGL (the planner's panels then say the map tools need the map).
 */
import { signal } from '@preact/signals';
import type { PlannerMapController } from '../map/planner-map.ts';

export const plannerMap = signal<PlannerMapController | null>(null);
