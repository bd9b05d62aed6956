/**
 * The shape every language file fills. Parameterised strings are functions so a translation can
 * put the numbers where its grammar wants them.
 */
import type { TripMessages } from './trip-messages.ts';
import type { StorageMessages } from './storage-messages.ts';
import type { ExplorerMessages } from './explorer-messages.ts';

export interface Messages {
  languageTag: string;
  /** Between a label and its value: full-width in Chinese, ': ' in English. */
  colon: string;
  appTitle: string;
  loading: string;
  /** Shown where a measured figure will appear once the statistics are computed. */
  measuring: string;
  overview: {
    heading: string;
    patternHeading: string;
    patternCore: string;
    patternWings: string;
    patternParks: string;
    areaHeading: string;
    statedLabel: string;
    measuredLabel: string;
    differenceLabel: string;
    greenHeading: string;
    greenStatedCovers: string;
    countsHeading: string;
    schematicNote: string;
    creditsHeading: string;
    fontCredit: string;
    close: string;
    open: string;
  };
  layers: {
    heading: string;
    toggle: (layerTitle: string) => string;
    featureCount: (count: number) => string;
    approximateLegend: string;
    approximateExplanation: string;
    exactLegend: string;
  };
  feature: {
    close: string;
    zoomTo: string;
    kind: string;
    measuredArea: string;
    measuredAreaNote: string;
    statedArea: string;
    statedSource: string;
    difference: string;
    confidence: string;
    source: string;
    notes: string;
    noStatedFigure: string;
    greenRatio: string;
    greenRatioUnavailable: string;
    approximateBadge: string;
    positionOnly: string;
    /** Shown beside the measured area of any estimated shape: it cannot check a published figure. */
    schematicAreaCaveat: string;
  };
  kinds: Record<string, string>;
  confidence: Record<'high' | 'medium' | 'low' | 'schematic', string>;
  units: { km2: string; ha: string; mu: string; m2: string; percent: string };
  qualifier: Record<'over' | 'about' | 'exactly', string>;
  errors: {
    heading: string;
    dataProblems: string;
    fetchFailed: (path: string, reason: string) => string;
    unexpected: (reason: string) => string;
    statisticsFailed: string;
    statisticsPartial: string;
  };
  /** Where a figure or a position is ours rather than a source's (position unknown, shapes drawn to their stated area). */
  honesty: {
    /** Map label suffix and list tag for a feature whose position no source gives. */
    positionUnknown: string;
    /** Feature panel: the position is unknown and the drawing is only a placement. */
    positionUnknownBadge: string;
    /** Instead of "measured − stated" when the shape was drawn to the stated figure. */
    sizedToStated: string;
    /** Short form for the list's stated-area column. */
    sizedToStatedShort: string;
    /** Overview, zone area: the outline was built to the stated total. */
    zoneSizedToStated: string;
    /** A unit's green-space ratio left these green features out. */
    greenNotCounted: (names: string) => string;
    /** The zone-wide ratio counts these green features of unknown position. */
    zoneGreenIncludesUnknown: (names: string) => string;
  };
  fallback: {
    noWebGl: string;
    contextLost: string;
    listHeading: string;
    /** The lost context never came back: the map is gone until the page is reloaded. */
    contextFailed: string;
    showList: string;
    showMap: string;
    searchLabel: string;
    searchPlaceholder: string;
    noMatches: string;
    columnName: string;
    columnKind: string;
    columnMeasured: string;
    columnStated: string;
    columnSource: string;
    columnConfidence: string;
  };
  /** The visitors' trip planner (src/ui/trip). */
  trip: TripMessages;
  /** Search, language switch, map control labels (src/ui/search). */
  explorer: ExplorerMessages;
  /** Browser storage: what is not kept, set aside, repaired (src/ui/StorageNotices.tsx). */
  storage: StorageMessages;
}
