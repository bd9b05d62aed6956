/** Strings of the search box, the language switch and the map's own controls, per language. */
export interface ExplorerMessages {
  search: {
    label: string;
    placeholder: string;
    /** Read out with the box: what can be typed. */
    hint: string;
    resultsLabel: string;
    preparing: string;
    unavailable: string;
    noMatches: string;
    resultCount: (count: number) => string;
    /** Read after a result whose position or shape is an estimate. */
    approximate: string;
  };
  language: {
    label: string;
    /** Each language's own name, so a reader who cannot read the current one still finds theirs. */
    zh: string;
    en: string;
  };
  /** MapLibre's control labels (its locale ids), so the map's buttons speak the page's language. */
  mapControls: Record<
    | 'Map.Title'
    | 'NavigationControl.ZoomIn'
    | 'NavigationControl.ZoomOut'
    | 'NavigationControl.ResetBearing'
    | 'AttributionControl.ToggleAttribution',
    string
  >;
  /** A newer version of the app has been downloaded (service worker). */
  update: { ready: string; reload: string; offlineReady: string };
  /** The map area while the map loads (src/ui/MapLoadingPlaceholder.tsx). */
  mapLoading: {
    heading: string;
    progressLabel: string;
    engine: (loaded: boolean) => string;
    /** `total` is null until the dataset's manifest has been read. */
    data: (loaded: number, total: number | null) => string;
    drawing: string;
  };
}
