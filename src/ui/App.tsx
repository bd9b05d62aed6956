/**
 * The page: the map (or, without WebGL, the same information as a list) and beside it a sidebar
 * with the search and three tabs, 探索 / 行程 / 量算与数据. On a phone the map fills the screen,
 * the search sits over its top and the tabs live in a bottom sheet (src/ui/layout/). Every branch
 * of the data's life has something to show.
 */
import { useEffect } from 'preact/hooks';
import type { MapStyleFont } from '../map/style.ts';
import { messages } from '../i18n/index.ts';
import { datasetState, listOpen, mapStatus, mapUnavailableReason, selectedFeature } from '../state/app-state.ts';
import { DataErrorAlert } from './DataErrorAlert.tsx';
import { FeatureChooser } from './FeatureChooser.tsx';
import { FeatureList } from './FeatureList.tsx';
import { FeaturePanel } from './FeaturePanel.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SearchBox } from './search/SearchBox.tsx';
import { ShareControl } from './share/ShareControl.tsx';
import { UpdateNotice } from './UpdateNotice.tsx';
import { DatasetBanner } from './DatasetBanner.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { MapView } from './MapView.tsx';
import { OverviewPanel } from './OverviewPanel.tsx';
import { LazyTripPanel } from './trip/lazy-trip.tsx';
import { LazyFileDropOverlay, LazyImportedFeaturePanel, LazyPlannerPanel } from './planner/lazy-planner.tsx';
import { AppTabs } from './layout/AppTabs.tsx';
import { BottomSheet } from './layout/BottomSheet.tsx';
import { connectLayout } from './layout/layout-connections.ts';
import { phoneLayout } from './layout/layout-state.ts';

export function App({ font }: { font: Promise<MapStyleFont> }) {
  const text = messages.value;
  const data = datasetState.value;
  const status = mapStatus.value;
  const selected = selectedFeature.value;
  const noMap = status === 'unavailable' || status === 'context-lost';
  const showList = noMap || listOpen.value;
  const phone = phoneLayout.value;
  useEffect(() => connectLayout(), []);
  // On a phone the feature's panel is part of the sheet (under 探索); on a desktop it floats over the map.
  const featurePanel =
    data.status === 'ready' && selected ? (
      <FeaturePanel dataset={data.dataset} statistics={data.statistics} reference={selected} canZoom={!noMap} />
    ) : null;
  // A feature of the planner's own file: on a phone at the top of 量算与数据, as the feature's is in 探索.
  const importedFeaturePanel = data.status === 'ready' && !selected ? <LazyImportedFeaturePanel /> : null;

  return (
    <div class={`app app--map-${status}`}>
      <aside class="sidebar">
        {/* On a phone this floats over the top of the map: framing leaves it out (MapView's panel cover). */}
        <header class="app-header" data-covers-map="top">
          <div class="app-header__title-row">
            <h1>{text.appTitle}</h1>
            <LanguageSwitch />
          </div>
          {data.status === 'ready' ? <SearchBox dataset={data.dataset} /> : null}
          {data.status === 'ready' ? <ShareControl subject="view" /> : null}
        </header>
        <UpdateNotice />
        <DatasetBanner />
        {data.status === 'loading' ? (
          <p class="loading" role="status">
            {text.loading}
          </p>
        ) : null}
        {data.status === 'failed' ? <DataErrorAlert problems={data.problems} /> : null}
        {data.status === 'ready' ? (
          <BottomSheet>
            <AppTabs
              panels={{
                explore: (
                  <>
                    {phone ? featurePanel : null}
                    <ExplorePanels noMap={noMap} />
                  </>
                ),
                trip: <LazyTripPanel />,
                measure: (
                  <>
                    {phone ? importedFeaturePanel : null}
                    <LazyPlannerPanel />
                  </>
                ),
              }}
            />
          </BottomSheet>
        ) : null}
      </aside>
      <main class="map-area">
        {/* From the first render: it shows that the map is loading, and starts it the moment the data is here. */}
        {data.status !== 'failed' && status !== 'unavailable' ? <MapView font={font} /> : null}
        {data.status === 'ready' && showList ? (
          <div class="map-fallback">
            <FeatureList
              dataset={data.dataset}
              statistics={data.statistics}
              reason={
                status === 'unavailable'
                  ? mapUnavailableReason.value === 'context-failed'
                    ? text.fallback.contextFailed
                    : text.fallback.noWebGl
                  : status === 'context-lost'
                    ? text.fallback.contextLost
                    : undefined
              }
            />
          </div>
        ) : null}
        {phone ? null : featurePanel}
        {phone ? null : importedFeaturePanel}
        {data.status === 'ready' && status !== 'unavailable' ? <FeatureChooser dataset={data.dataset} /> : null}
        <LazyFileDropOverlay />
      </main>
    </div>
  );
}

/** 探索: any problem with the figures, the overview, the switch to the list, and the layers. */
function ExplorePanels({ noMap }: { noMap: boolean }) {
  const text = messages.value;
  const data = datasetState.value;
  const status = mapStatus.value;
  if (data.status !== 'ready') return null;
  return (
    <>
      {data.statisticsError ? (
        <div class="data-error" role="alert">
          <p>{text.errors.statisticsFailed}</p>
          <p>{data.statisticsError}</p>
        </div>
      ) : null}
      {data.statistics && data.statistics.problems.length > 0 ? (
        <div class="data-warning" role="status">
          <p>{text.errors.statisticsPartial}</p>
          <ul>
            {data.statistics.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <OverviewPanel dataset={data.dataset} statistics={data.statistics} />
      {!noMap ? (
        <button
          type="button"
          class="text-button list-toggle"
          aria-pressed={listOpen.value}
          onClick={() => (listOpen.value = !listOpen.value)}
        >
          {listOpen.value ? text.fallback.showMap : text.fallback.showList}
        </button>
      ) : null}
      {status !== 'unavailable' ? <LayerPanel dataset={data.dataset} statistics={data.statistics} /> : null}
    </>
  );
}
