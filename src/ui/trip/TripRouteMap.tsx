/**
 * The printed day plan's map (print stylesheet only): the stops numbered as in the list, the legs in
 * visiting order, the zone and the rivers for orientation. Drawn as SVG in src/export/route-sketch.ts
 * from the plan and the loaded dataset, so paper needs no map tiles and no network.
 */
import { useMemo } from 'preact/hooks';
import { language } from '../../i18n/index.ts';
import { datasetState } from '../../state/app-state.ts';
import { tripPlan } from '../../state/trip-store.ts';
import { routeSketchContext, routeSketchStops, routeSketchSvg } from '../../export/route-sketch.ts';

const ROUTE_MAP_TEXT = {
  zh: {
    title: '行程路线图',
    north: '北',
    approximate: '虚线圈：位置为估计',
    caption: '各站按行程顺序编号，站间为直线（非道路）；红色轮廓为高新区范围（示意），蓝线为河流。',
  },
  en: {
    title: 'Route map',
    north: 'N',
    approximate: 'Dashed circle: estimated position',
    caption:
      'Stops numbered in visiting order, joined by straight lines (not roads); red outline: the zone (schematic); blue: rivers.',
  },
} as const;

export function TripRouteMap() {
  const plan = tripPlan.value;
  const lang = language.value;
  const state = datasetState.value;
  const dataset = state.status === 'ready' ? state.dataset : null;
  const context = useMemo(
    () => (dataset ? routeSketchContext(dataset) : { outlines: [], outlineApproximate: false, rivers: [] }),
    [dataset],
  );
  const text = ROUTE_MAP_TEXT[lang];
  const svg = useMemo(
    () =>
      routeSketchSvg({
        stops: routeSketchStops(plan, lang),
        legs: plan.legs,
        context,
        text,
        idPrefix: 'trip-route-map',
      }),
    [plan, lang, context, text],
  );
  return (
    <figure class="trip-print-only trip-route-map">
      {/* Every string in the SVG is escaped by routeSketchSvg (tested with hostile names). */}
      <div class="trip-route-map__drawing" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption class="small">{text.caption}</figcaption>
    </figure>
  );
}
