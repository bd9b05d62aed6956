/** The trip panel's heading: what "see the trip" scrolls to and focuses, and what labels the panel. */
export const TRIP_PANEL_HEADING_ID = 'trip-panel-heading';
