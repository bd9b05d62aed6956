/**
 * The land-use table: one row per category with its area, share, count, green land and 绿地率,
 * sortable by any column, the total and the notes saying what the shares are of. When the rows are
 * the categories of an imported layer's property, each row is a button that outlines it on the map.
 */
import type { CategoryColouring } from '../../analysis/category-colours.ts';
import { categoryColour } from '../../analysis/category-colours.ts';
import type { LandUseRow, LandUseTable } from '../../analysis/land-use-types.ts';
import type { AreaUnit } from '../../data/dataset-types.ts';
import { language, messages } from '../../i18n/index.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { formatAreaIn } from './statistics-area-format.ts';
import { statisticsMessages, type StatisticsMessages } from './statistics-messages.ts';
import { ariaSort, sourceKey, type SortColumn, type SortOrder } from './statistics-table.ts';

export function groupingName(groupBy: string, text: StatisticsMessages): string {
  return text.groupings[groupBy] ?? text.propertyGrouping(groupBy);
}

interface HeaderProps {
  column: SortColumn;
  label: string;
  order: SortOrder;
  onSort: (column: SortColumn) => void;
  numeric?: boolean;
}

function SortableHeader({ column, label, order, onSort, numeric = true }: HeaderProps) {
  const sort = ariaSort(order, column);
  const arrow = sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '';
  return (
    <th scope="col" aria-sort={sort} class={numeric ? 'numeric' : undefined}>
      {/* A real button: Enter, Space and clicks sort; the header text stays the accessible name. */}
      <button type="button" class="statistics-sort" data-column={column} onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" class="statistics-sort__arrow">
          {arrow}
        </span>
      </button>
    </th>
  );
}

interface StatisticsTableProps {
  table: LandUseTable;
  nameOf: (key: string | null) => string;
  /** The table's rows in the order asked for. */
  rows: readonly LandUseRow[];
  title: string;
  unit: AreaUnit;
  order: SortOrder;
  onSort: (column: SortColumn) => void;
  /** When the rows are categories of an imported layer's property: picking one outlines it on the map. */
  categories?: {
    colouring: CategoryColouring | null;
    highlighted: { key: string | null } | null;
    onHighlight: (key: string | null) => void;
  };
}

export function StatisticsTable({ table, nameOf, rows, title, unit, order, onSort, categories }: StatisticsTableProps) {
  const text = statisticsMessages();
  const lang = language.value;
  const tag = messages.value.languageTag;
  const unitName = text.unitNames[unit];
  const area = (squareMetres: number): string => formatAreaIn(squareMetres, unit, tag);
  const percent = (ratio: number | null): string => (ratio === null ? text.notComputed : formatPercent(ratio, tag, 1));
  const totalCount = table.rows.reduce((sum, row) => sum + row.count, 0);
  const totalShare = table.denominatorM2 > 0 ? table.totalAreaM2 / table.denominatorM2 : null;
  const cells = (row: LandUseRow) => (
    <>
      <td class="numeric" data-area-m2={row.areaM2}>
        {area(row.areaM2)}
      </td>
      <td class="numeric">{percent(row.share)}</td>
      <td class="numeric">{formatNumber(row.count, tag, 0)}</td>
      <td class="numeric">{row.greenAreaM2 === null ? text.notComputed : area(row.greenAreaM2)}</td>
      <td class="numeric">{percent(row.greenSpaceRatio)}</td>
    </>
  );
  return (
    // Focusable: a table wider than the panel scrolls, and keyboard users must be able to scroll it.
    <div
      class="statistics-table-frame"
      tabIndex={0}
      role="region"
      aria-label={text.caption(title, groupingName(table.groupedBy, text))}
    >
      <table class="statistics-table" data-grouped-by={table.groupedBy} data-source={sourceKey(table.source)}>
        <caption>
          <span class="statistics-table__title">{text.caption(title, groupingName(table.groupedBy, text))}</span>
          <span class="statistics-table__method small muted">{table.method[lang]}</span>
        </caption>
        <thead>
          <tr>
            <SortableHeader
              column="category"
              label={text.columns.category}
              order={order}
              onSort={onSort}
              numeric={false}
            />
            <SortableHeader column="area" label={text.columns.area(unitName)} order={order} onSort={onSort} />
            <SortableHeader column="share" label={text.columns.share} order={order} onSort={onSort} />
            <SortableHeader column="count" label={text.columns.count} order={order} onSort={onSort} />
            <SortableHeader column="greenArea" label={text.columns.greenArea(unitName)} order={order} onSort={onSort} />
            <SortableHeader
              column="greenSpaceRatio"
              label={text.columns.greenSpaceRatio}
              order={order}
              onSort={onSort}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key ?? '\u0000'}
              data-category={row.key ?? ''}
              class={
                categories?.highlighted && categories.highlighted.key === row.key
                  ? 'statistics-row--highlighted'
                  : undefined
              }
            >
              <th scope="row" class={row.key === null ? 'muted' : undefined}>
                {categories ? (
                  <button
                    type="button"
                    class="statistics-category"
                    aria-pressed={Boolean(categories.highlighted && categories.highlighted.key === row.key)}
                    aria-label={text.highlightCategory(nameOf(row.key))}
                    onClick={() => categories.onHighlight(row.key)}
                  >
                    {categories.colouring ? (
                      <span
                        class="land-use-swatch"
                        style={{ backgroundColor: categoryColour(categories.colouring, row.key) }}
                        aria-hidden="true"
                      />
                    ) : null}
                    {nameOf(row.key)}
                  </button>
                ) : (
                  nameOf(row.key)
                )}
              </th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{text.total}</th>
            <td class="numeric" data-area-m2={table.totalAreaM2}>
              {area(table.totalAreaM2)}
            </td>
            <td class="numeric">{percent(totalShare)}</td>
            <td class="numeric">{formatNumber(totalCount, tag, 0)}</td>
            <td class="numeric">{text.notComputed}</td>
            <td class="numeric">{text.notComputed}</td>
          </tr>
        </tfoot>
      </table>
      <ul class="statistics-notes small muted">
        <li>{text.denominator(table.denominator[lang], `${area(table.denominatorM2)} ${unitName}`)}</li>
        {table.notes.map((note, index) => (
          <li key={index}>{note[lang]}</li>
        ))}
      </ul>
    </div>
  );
}
