/**
 * A map camera as plain numbers, in WGS84 degrees: what a link states and what the map is told to
 * show. Here, below state and map, so both (and a link codec) can name it without importing each other.
 */
export interface MapView {
  longitude: number;
  latitude: number;
  zoom: number;
  bearing: number;
}
