/**
 * Everything of the trip planner the rest of the app uses, behind one dynamic import
 * (lazy-trip.tsx): the planner's code, GeographicLib, gcoord and IndexedDB access load after the
 * map's first frame instead of delaying it.
 */
export { AddToTripButton } from './AddToTripButton.tsx';
export { AddImportedLayerPointsButton, AddImportedPointButton } from './AddImportedPoints.tsx';
export { TripPanel } from './TripPanel.tsx';
export { connectTrip, tripFrameRequest, tripGeoJson } from '../../state/trip-store.ts';
