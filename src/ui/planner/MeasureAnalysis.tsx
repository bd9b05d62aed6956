/**
 * What the drawn-shape worker found inside a drawn polygon: green land and 绿地率 with the
 * definition, green the dataset cannot count, the planning units it overlaps and any problems.
 */
import type { DrawnPolygonAnalysis, UnitOverlap } from '../../analysis/drawn-shape-analysis.ts';
import { GREEN_SPACE_RATIO_DEFINITION } from '../../analysis/green-space.ts';
import { language } from '../../i18n/index.ts';
import { drawnShapeAnalyses, type DrawnShape } from '../../state/drawn-shapes-store.ts';
import { formatPercent } from '../format.ts';
import { formatAreaLine, languageTag } from './MeasureFigures.tsx';
import type { MeasureMessages } from './measure-messages.ts';

function unitName(unit: UnitOverlap): string {
  return language.value === 'zh' ? unit.name : unit.nameEn;
}

function AnalysisView({ analysis, text }: { analysis: DrawnPolygonAnalysis; text: MeasureMessages }) {
  const tag = languageTag();
  const touching = analysis.overlaps.filter((unit) => unit.overlapAreaM2 > 0);
  const lang = language.value;
  return (
    <div class="measure-analysis">
      <dl class="facts measure-facts">
        <dt>{text.greenLand}</dt>
        <dd
          class="measure-green-area"
          data-green-area-m2={analysis.greenAreaM2 === null ? '' : String(analysis.greenAreaM2)}
        >
          {analysis.greenAreaM2 === null ? '—' : formatAreaLine(analysis.greenAreaM2, text)}
        </dd>
        <dt>{text.greenSpaceRatio}</dt>
        <dd
          class="measure-green-ratio"
          data-green-space-ratio={analysis.greenSpaceRatio === null ? '' : String(analysis.greenSpaceRatio)}
        >
          {analysis.greenSpaceRatio === null ? '—' : formatPercent(analysis.greenSpaceRatio, tag)}
        </dd>
      </dl>
      <details class="measure-definition small">
        <summary>{text.definition}</summary>
        <p>{GREEN_SPACE_RATIO_DEFINITION[lang]}</p>
      </details>
      {analysis.greenNotCounted.length > 0 ? (
        <p class="caveat small">
          {text.greenNotCounted(
            analysis.greenNotCounted
              .map((item) => (lang === 'zh' ? item.name : item.nameEn))
              .join(lang === 'zh' ? '、' : ', '),
          )}
        </p>
      ) : null}
      <h5 class="measure-subheading">{text.overlapHeading}</h5>
      {touching.length === 0 ? (
        <p class="small muted measure-no-overlap">{text.noOverlap}</p>
      ) : (
        <div class="table-scroll">
          <table class="measure-overlaps">
            <thead>
              <tr>
                <th scope="col">{text.overlapUnit}</th>
                <th scope="col">{text.overlapArea}</th>
                <th scope="col">{text.overlapShare}</th>
              </tr>
            </thead>
            <tbody>
              {touching.map((unit) => (
                <tr key={unit.id} data-unit-id={unit.id} data-overlap-m2={String(unit.overlapAreaM2)}>
                  <th scope="row">
                    {unitName(unit)} <span class="muted small">{text.roles[unit.role] ?? unit.role}</span>
                    {unit.approximate ? <span class="muted small"> {text.approximate}</span> : null}
                  </th>
                  <td>{formatAreaLine(unit.overlapAreaM2, text).split(' · ').slice(0, 2).join(' · ')}</td>
                  <td>{formatPercent(unit.shareOfShape, tag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {analysis.problems.length > 0 ? (
        <div class="data-warning" role="alert">
          {text.problems}
          <ul>
            {analysis.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export function ShapeAnalysis({ shape, text }: { shape: DrawnShape; text: MeasureMessages }) {
  if (shape.geometry.type !== 'Polygon') return null;
  const state = drawnShapeAnalyses.value[shape.id];
  if (!state || state.status === 'pending') {
    return (
      <p class="small muted measure-pending" role="status">
        {text.analysing}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p class="caveat small" role="alert">
        {text.analysisFailed(state.reason)}
      </p>
    );
  }
  // A refused outline is already explained by the area line above.
  if (!state.result.ok) return null;
  return <AnalysisView analysis={state.result.analysis} text={text} />;
}
