/**
 * The planning indicators of a classified layer, each with its definition and the denominator it
 * is a share of, beside the dataset's own 绿地率 (stated and measured are shown apart, never merged).
 */
import { GREEN_SPACE_RATIO_DEFINITION } from '../../analysis/green-space-definition.ts';
import type { LandUseClassStatistics, LandUseIndicator } from '../../analysis/land-use-classes.ts';
import { language, messages } from '../../i18n/index.ts';
import { datasetState } from '../../state/app-state.ts';
import { formatPercent } from '../format.ts';
import { landUseClassMessages } from './land-use-class-messages.ts';

export function LandUseIndicators({
  statistics,
  area,
  unitName,
}: {
  statistics: LandUseClassStatistics;
  area: (squareMetres: number) => string;
  unitName: string;
}) {
  const text = landUseClassMessages();
  const tag = messages.value.languageTag;
  const lang = language.value;
  const state = datasetState.value;
  const datasetRatio =
    state.status === 'ready' && state.statistics ? state.statistics.summary.greenSpaceRatio : undefined;
  const entries = Object.entries(statistics.indicators) as [string, LandUseIndicator][];
  return (
    <>
      <h5 class="land-use-classes__subheading">{text.indicatorsHeading}</h5>
      <dl class="land-use-indicators">
        {entries.map(([key, indicator]) => (
          <div
            key={key}
            class="land-use-indicator"
            data-indicator={key}
            data-value={indicator.value === null ? '' : String(indicator.value)}
          >
            <dt>{indicator.name[lang]}</dt>
            <dd>
              <strong>{indicator.value === null ? text.notApplicable : formatPercent(indicator.value, tag, 1)}</strong>
              <span class="small muted land-use-indicator__definition">
                {text.definition}：{indicator.definition[lang]}
              </span>
              <span class="small muted land-use-indicator__denominator">
                {text.denominator(indicator.denominator[lang], `${area(indicator.denominatorM2)} ${unitName}`)}
              </span>
            </dd>
          </div>
        ))}
        <div
          class="land-use-indicator land-use-indicator--dataset"
          data-indicator="datasetGreenSpaceRatio"
          data-value={datasetRatio == null ? '' : String(datasetRatio)}
        >
          <dt>{text.datasetRatio}</dt>
          <dd>
            <strong>
              {datasetRatio === undefined
                ? text.datasetRatioPending
                : datasetRatio === null
                  ? '—'
                  : formatPercent(datasetRatio, tag, 1)}
            </strong>
            <span class="small muted land-use-indicator__definition">
              {text.definition}：{GREEN_SPACE_RATIO_DEFINITION[lang]}
            </span>
          </dd>
        </div>
      </dl>
    </>
  );
}
