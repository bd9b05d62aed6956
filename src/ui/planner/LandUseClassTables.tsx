/**
 * A classified layer's tables: the classes with code, official name, colour, area, share and count;
 * then the values that are no code of the standard and the values counted through a survey suffix,
 * both as one code table; then the indicators.
 */
import type { ComponentChildren } from 'preact';
import type { LandUseClassStatistics } from '../../analysis/land-use-classes.ts';
import { standardById } from '../../data/classification/standards.ts';
import { language, messages } from '../../i18n/index.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { landUseClassMessages } from './land-use-class-messages.ts';
import { LandUseIndicators } from './LandUseIndicators.tsx';

interface ResultsProps {
  statistics: LandUseClassStatistics;
  area: (squareMetres: number) => string;
  share: (areaM2: number) => number | null;
  unitName: string;
}

export function LandUseClassTables({ statistics, area, share, unitName }: ResultsProps) {
  const text = landUseClassMessages();
  const tag = messages.value.languageTag;
  const lang = language.value;
  const standard = standardById(statistics.standard);
  const percent = (ratio: number | null): string => (ratio === null ? '—' : formatPercent(ratio, tag, 1));
  const levelName = text.levels[statistics.level];
  return (
    <>
      {/* Focusable: a table wider than the panel scrolls, and keyboard users must be able to scroll it. */}
      <div
        class="statistics-table-frame"
        tabIndex={0}
        role="region"
        aria-label={text.caption(statistics.field, standard.title[lang], levelName)}
      >
        <table
          class="statistics-table land-use-class-table"
          data-standard={statistics.standard}
          data-level={statistics.level}
          data-field={statistics.field}
        >
          <caption>
            <span class="statistics-table__title">
              {text.caption(statistics.field, standard.title[lang], levelName)}
            </span>
            <span class="statistics-table__method small muted">{text.edition(standard.edition)}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.colour}</th>
              <th scope="col">{text.columns.code}</th>
              <th scope="col">{text.columns.name}</th>
              <th scope="col" class="numeric">
                {text.columns.area(unitName)}
              </th>
              <th scope="col" class="numeric">
                {text.columns.share}
              </th>
              <th scope="col" class="numeric">
                {text.columns.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {statistics.classes.map((row) => (
              <tr key={row.code} data-code={row.code} data-colour={row.colour} data-colour-source={row.colourSource}>
                <td>
                  <span
                    class="land-use-swatch"
                    style={{ backgroundColor: row.colour }}
                    title={text.colourSources[row.colourSource]}
                    aria-hidden="true"
                  />
                  <span class="visually-hidden">{text.colourSources[row.colourSource]}</span>
                </td>
                <th scope="row" class="land-use-class-table__code">
                  {row.code}
                </th>
                <td>{row.name_zh}</td>
                <td class="numeric" data-area-m2={row.areaM2}>
                  {area(row.areaM2)}
                </td>
                <td class="numeric">{percent(share(row.areaM2))}</td>
                <td class="numeric">{formatNumber(row.count, tag, 0)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row" colSpan={2}>
                {text.classifiedTotal}
              </th>
              <td class="numeric" data-area-m2={statistics.classifiedAreaM2}>
                {area(statistics.classifiedAreaM2)}
              </td>
              <td class="numeric">{percent(statistics.classifiedAreaM2 > 0 ? 1 : null)}</td>
              <td class="numeric">
                {formatNumber(
                  statistics.classes.reduce((sum, row) => sum + row.count, 0),
                  tag,
                  0,
                )}
              </td>
            </tr>
          </tfoot>
        </table>
        <ul class="statistics-notes small muted">
          <li>{text.shareOf}</li>
          <li>
            {text.measuredNote(
              `${area(statistics.classifiedAreaM2)} ${unitName}`,
              `${area(statistics.totalAreaM2)} ${unitName}`,
            )}
          </li>
          <li>{standard.colourSource[lang]}</li>
          <li>{text.sources(standard.sources.join('; '))}</li>
        </ul>
      </div>
      <h5 class="land-use-classes__subheading">{text.unknownHeading}</h5>
      {statistics.unknownCodes.length === 0 ? (
        <p class="small muted">{text.noUnknown}</p>
      ) : (
        <CodeValueTable
          tableClass="land-use-unknown-codes"
          intro={text.unknownIntro}
          headers={{
            value: text.unknownColumns.value,
            count: text.unknownColumns.count,
            area: text.unknownColumns.area(unitName),
          }}
          entries={statistics.unknownCodes}
          area={area}
        />
      )}
      {statistics.suffixedCodes.length > 0 ? (
        <>
          <h5 class="land-use-classes__subheading">{text.suffixedHeading}</h5>
          <CodeValueTable
            tableClass="land-use-suffixed-codes"
            intro={text.suffixedIntro}
            headers={{
              value: text.suffixedColumns.value,
              countedAs: text.suffixedColumns.countedAs,
              count: text.suffixedColumns.count,
              area: text.suffixedColumns.area(unitName),
            }}
            entries={statistics.suffixedCodes}
            area={area}
            notes={Object.entries(standard.suffixes ?? {}).map(([letter, meaning]) => (
              <li key={letter}>{meaning[lang]}</li>
            ))}
          />
        </>
      ) : null}
      <LandUseIndicators statistics={statistics} area={area} unitName={unitName} />
    </>
  );
}

interface CodeValueEntry {
  /** The value as found in the file; null for features without one. */
  value: string | null;
  /** The class code a suffixed value is counted under. */
  countedAs?: string;
  count: number;
  areaM2: number;
}

interface CodeValueTableProps {
  tableClass: string;
  intro: string;
  /** Column headers; the "counted as" column appears only when it has a header. */
  headers: { value: string; countedAs?: string; count: string; area: string };
  entries: readonly CodeValueEntry[];
  area: (squareMetres: number) => string;
  notes?: ComponentChildren;
}

/** Values of the code column listed apart from the classes: by value, with their count and area. */
function CodeValueTable({ tableClass, intro, headers, entries, area, notes }: CodeValueTableProps) {
  const text = landUseClassMessages();
  const tag = messages.value.languageTag;
  const withCountedAs = headers.countedAs !== undefined;
  return (
    <div class="statistics-table-frame" tabIndex={0} role="region" aria-label={intro}>
      <p class="small">{intro}</p>
      <table class={`statistics-table ${tableClass}`}>
        <thead>
          <tr>
            <th scope="col">{headers.value}</th>
            {withCountedAs ? <th scope="col">{headers.countedAs}</th> : null}
            <th scope="col" class="numeric">
              {headers.count}
            </th>
            <th scope="col" class="numeric">
              {headers.area}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.value ?? '\u0000'} data-value={entry.value ?? ''} data-counted-as={entry.countedAs}>
              <th scope="row" class={entry.value === null ? 'muted' : undefined}>
                {entry.value === null ? text.noValue : <code>{entry.value}</code>}
              </th>
              {withCountedAs ? <td>{entry.countedAs}</td> : null}
              <td class="numeric">{formatNumber(entry.count, tag, 0)}</td>
              <td class="numeric" data-area-m2={entry.areaM2}>
                {area(entry.areaM2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes ? <ul class="statistics-notes small muted">{notes}</ul> : null}
    </div>
  );
}
