/**
 * What a visitor reads first: the 一核、两翼、多园 pattern, the zone's stated area beside the one we
 * measure, the green-space ratio beside the published share, and how far to trust the drawing.
 */
import type { Dataset } from '../data/dataset-types.ts';
import type { ZoneStatistics } from '../analysis/zone-statistics.ts';
import { GREEN_SPACE_RATIO_DEFINITION } from '../analysis/green-space-definition.ts';
import { language, messages } from '../i18n/index.ts';
import { overviewOpen } from '../state/app-state.ts';
import { pendingFigureText } from './pending-figure.ts';
import { formatArea, formatPercent, formatSignedPercent, formatStated } from './format.ts';
import { listNames, unknownPositionGreenNames, zoneSizedToStated } from './honesty.ts';

export function OverviewPanel({ dataset, statistics }: { dataset: Dataset; statistics: ZoneStatistics | null }) {
  const text = messages.value;
  const lang = language.value;
  const tag = text.languageTag;
  const summary = statistics?.summary ?? null;
  const stated = dataset.manifest.stated;
  const open = overviewOpen.value;
  const areaDifference =
    summary?.statedZoneAreaM2 && summary.statedZoneAreaM2 > 0
      ? summary.zoneAreaM2 / summary.statedZoneAreaM2 - 1
      : null;
  const statedZoneUnit = stated.zoneArea.unit;
  const unknownGreen = unknownPositionGreenNames(dataset, lang);

  return (
    <section class="panel overview-panel" aria-labelledby="overview-heading">
      <div class="panel-title-row">
        <h2 id="overview-heading">{text.overview.heading}</h2>
        <button
          type="button"
          class="text-button"
          aria-expanded={open}
          aria-controls="overview-body"
          onClick={() => (overviewOpen.value = !open)}
        >
          {open ? text.overview.close : text.overview.open}
        </button>
      </div>
      {open ? (
        <div id="overview-body">
          <ul class="pattern-list">
            <li>{text.overview.patternCore}</li>
            <li>{text.overview.patternWings}</li>
            <li>{text.overview.patternParks}</li>
          </ul>

          <h3>{text.overview.areaHeading}</h3>
          <table class="side-by-side zone-area">
            <tbody>
              <tr>
                <th scope="row">{text.overview.statedLabel}</th>
                <td class="stated-value">
                  {statedZoneUnit === 'percent'
                    ? formatStated(stated.zoneArea.value, text.units.percent, tag)
                    : formatStated(stated.zoneArea.value, text.units[statedZoneUnit], tag)}
                  <span class="citation">{stated.zoneArea.source}</span>
                </td>
              </tr>
              <tr>
                <th scope="row">{text.overview.measuredLabel}</th>
                <td class="measured-value">
                  {summary ? formatArea(summary.zoneAreaM2, 'km2', text.units.km2, tag) : pendingFigureText()}
                </td>
              </tr>
              {areaDifference !== null ? (
                <tr>
                  <th scope="row">{text.overview.differenceLabel}</th>
                  {/* The schematic outline was built to the stated total: a 0.0 % would pass for a confirmation. */}
                  <td class="area-difference">
                    {zoneSizedToStated(dataset)
                      ? text.honesty.zoneSizedToStated
                      : formatSignedPercent(areaDifference, tag)}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>

          <h3>{text.overview.greenHeading}</h3>
          <table class="side-by-side green-share">
            <tbody>
              <tr>
                <th scope="row">{text.overview.statedLabel}</th>
                <td class="stated-value">
                  {text.qualifier[stated.greenShare.qualifier]}{' '}
                  {formatStated(
                    stated.greenShare.value,
                    stated.greenShare.unit === 'percent' ? '%' : text.units.km2,
                    tag,
                  )}
                  <span class="citation">{stated.greenShare.source}</span>
                </td>
              </tr>
              <tr>
                <th scope="row">{text.overview.measuredLabel}</th>
                <td class="measured-value">
                  {!summary ? (
                    pendingFigureText()
                  ) : summary.greenSpaceRatio === null ? (
                    text.feature.greenRatioUnavailable
                  ) : (
                    <>
                      {formatPercent(summary.greenSpaceRatio, tag)}
                      <span class="muted small"> ({formatArea(summary.greenAreaM2, 'km2', text.units.km2, tag)})</span>
                    </>
                  )}
                </td>
              </tr>
            </tbody>
          </table>
          {unknownGreen.length > 0 ? (
            <p class="small green-includes-unknown">
              {text.honesty.zoneGreenIncludesUnknown(listNames(unknownGreen, lang))}
            </p>
          ) : null}
          <p class="small">
            {text.overview.greenStatedCovers}
            {lang === 'zh' ? stated.greenShare.covers.zh : stated.greenShare.covers.en}
          </p>
          <p class="muted small">{GREEN_SPACE_RATIO_DEFINITION[lang]}</p>

          <h3>{text.overview.countsHeading}</h3>
          <p class="layer-counts small">
            {dataset.manifest.layers
              .map((layer) => {
                const count =
                  dataset.layers.find((entry) => entry.definition.id === layer.id)?.features.features.length ?? 0;
                return `${lang === 'zh' ? layer.title.zh : layer.title.en} ${count}`;
              })
              .join(' · ')}
          </p>

          <p class="schematic-note">{text.overview.schematicNote}</p>

          <h3>{text.overview.creditsHeading}</h3>
          <ul class="credits small">
            {dataset.manifest.credits.map((credit, index) => (
              <li key={index}>{lang === 'zh' ? credit.zh : credit.en}</li>
            ))}
            <li>{text.overview.fontCredit}</li>
          </ul>
        </div>
      ) : null}
    </section>
  );
}
