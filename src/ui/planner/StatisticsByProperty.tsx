/**
 * An imported layer grouped by one of its own properties reads like a GIS layer: coloured and
 * labelled by that property, table rows and map features pointing at each other, and a 绿地率 from
 * the values the planner says are green. The state lives in `usePropertyDisplay` because the
 * table (highlighted row), the map (colours, labels, outline) and the print legend all read it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { categoryColour, categoryColouring, categoryKeyOf } from '../../analysis/category-colours.ts';
import { greenRatioByValues } from '../../analysis/green-by-values.ts';
import type { LandUseTable } from '../../analysis/land-use-types.ts';
import type { AreaUnit } from '../../data/dataset-types.ts';
import { messages } from '../../i18n/index.ts';
import { selectedImportedFeature } from '../../state/imported-layer-display.ts';
import type { ImportedLayer } from '../../state/imported-layers-store.ts';
import { plannerMap } from '../../state/planner-map.ts';
import { formatPercent } from '../format.ts';
import { formatAreaIn } from './statistics-area-format.ts';
import { statisticsMessages } from './statistics-messages.ts';
import { BUILT_IN_GROUPINGS } from './statistics-table.ts';

export type PropertyDisplay = ReturnType<typeof usePropertyDisplay>;

/** The map display and green values of `importedLayer` while `table` groups it by a property of its own. */
export function usePropertyDisplay(importedLayer: ImportedLayer | undefined, table: LandUseTable | null) {
  const map = plannerMap.value;
  const propertyField =
    importedLayer &&
    table?.source.kind === 'imported' &&
    !(BUILT_IN_GROUPINGS as readonly string[]).includes(table.groupedBy)
      ? table.groupedBy
      : null;
  const [colourByProperty, setColourByProperty] = useState(false);
  const [labelByProperty, setLabelByProperty] = useState(false);
  const [highlighted, setHighlighted] = useState<{ key: string | null } | null>(null);
  const [greenValues, setGreenValues] = useState<readonly string[]>([]);
  const greenByValues = useMemo(
    () => (propertyField && table && greenValues.length > 0 ? greenRatioByValues(table, greenValues) : null),
    [propertyField, table, greenValues],
  );
  const colouring = useMemo(
    () =>
      propertyField && table && colourByProperty
        ? categoryColouring(
            propertyField,
            table.rows.map((row) => row.key),
          )
        : null,
    [propertyField, table, colourByProperty],
  );
  const layerId = importedLayer?.id ?? null;
  useEffect(() => {
    setHighlighted(null);
    setGreenValues([]);
  }, [layerId, propertyField]);
  useEffect(() => {
    if (!map || !layerId) return;
    map.userLayers.setCategoryColouring(layerId, colouring);
    return () => map.userLayers.setCategoryColouring(layerId, null);
  }, [map, layerId, colouring]);
  useEffect(() => {
    if (!map || !layerId) return;
    map.userLayers.setLabels(layerId, labelByProperty ? propertyField : null);
    return () => map.userLayers.setLabels(layerId, null);
  }, [map, layerId, propertyField, labelByProperty]);
  useEffect(() => {
    if (!map || !layerId) return;
    map.userLayers.setHighlight(
      layerId,
      propertyField && highlighted ? { field: propertyField, key: highlighted.key } : null,
    );
    return () => map.userLayers.setHighlight(layerId, null);
  }, [map, layerId, propertyField, highlighted]);
  // A feature clicked on the map marks its category's row.
  const clicked = selectedImportedFeature.value;
  useEffect(() => {
    if (!clicked || !propertyField || clicked.layerId !== layerId) return;
    setHighlighted({ key: categoryKeyOf(clicked.properties[propertyField]) });
  }, [clicked, propertyField, layerId]);
  useEffect(() => {
    if (!highlighted) return;
    document.querySelector('.statistics-row--highlighted')?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  const uncoloured = colouring
    ? table!.rows.filter((row) => categoryColour(colouring, row.key) === colouring.fallback && row.key !== null).length
    : 0;
  return {
    propertyField,
    layerId,
    colouring,
    uncoloured,
    colourByProperty,
    setColourByProperty,
    labelByProperty,
    setLabelByProperty,
    highlighted,
    setHighlighted,
    greenValues,
    setGreenValues,
    greenByValues,
  };
}

/** The print legend's rows for the layer coloured by its property, or null when it has one colour. */
export function categoryLegendOf(display: PropertyDisplay, nameOf: (key: string | null) => string) {
  const { colouring, layerId, propertyField, uncoloured } = display;
  if (!colouring || !layerId) return null;
  const text = statisticsMessages();
  return {
    layerId,
    entries: [
      ...colouring.valueColours.map(([value, colour]) => ({
        color: colour,
        title: `${propertyField}: ${nameOf(value)}`,
      })),
      { color: colouring.fallback, title: text.otherCategories(uncoloured) },
    ],
  };
}

interface PropertyFieldsetProps {
  display: PropertyDisplay;
  propertyField: string;
  table: LandUseTable;
}

export function PropertyMapDisplay({ display, propertyField, table }: PropertyFieldsetProps) {
  const text = statisticsMessages();
  const { colouring, uncoloured } = display;
  return (
    <fieldset class="statistics-map-display">
      <legend>{text.mapDisplayLegend}</legend>
      <label>
        <input
          type="checkbox"
          data-map-colour
          checked={display.colourByProperty}
          onChange={(event) => display.setColourByProperty((event.currentTarget as HTMLInputElement).checked)}
        />
        {text.colourByProperty(propertyField)}
      </label>
      <label>
        <input
          type="checkbox"
          data-map-labels
          checked={display.labelByProperty}
          onChange={(event) => display.setLabelByProperty((event.currentTarget as HTMLInputElement).checked)}
        />
        {text.labelByProperty(propertyField)}
      </label>
      {colouring && (uncoloured > 0 || table.rows.some((row) => row.key === null)) ? (
        <p class="small muted">
          <span class="land-use-swatch" style={{ backgroundColor: colouring.fallback }} aria-hidden="true" />{' '}
          {text.otherCategories(uncoloured)}
        </p>
      ) : null}
      <p class="small muted">{text.mapDisplayHint}</p>
    </fieldset>
  );
}

interface GreenValuesProps extends PropertyFieldsetProps {
  nameOf: (key: string | null) => string;
  unit: AreaUnit;
}

export function GreenValues({ display, propertyField, table, nameOf, unit }: GreenValuesProps) {
  const text = statisticsMessages();
  const tag = messages.value.languageTag;
  const { greenValues, setGreenValues, greenByValues } = display;
  const area = (squareMetres: number): string => `${formatAreaIn(squareMetres, unit, tag)} ${text.unitNames[unit]}`;
  return (
    <fieldset class="statistics-green-values">
      <legend>{text.greenValuesLegend(propertyField)}</legend>
      <p class="small muted">{text.greenValuesHint}</p>
      {table.rows
        .filter((row) => row.key !== null)
        .map((row) => (
          <label key={row.key!}>
            <input
              type="checkbox"
              data-green-value={row.key!}
              checked={greenValues.includes(row.key!)}
              onChange={(event) => {
                const checked = (event.currentTarget as HTMLInputElement).checked;
                setGreenValues((current) =>
                  checked ? [...current, row.key!] : current.filter((value) => value !== row.key),
                );
              }}
            />
            {nameOf(row.key)}
          </label>
        ))}
      {greenByValues ? (
        <p class="statistics-green-values__result" data-green-ratio={greenByValues.ratio ?? ''} role="status">
          {text.greenRatioByValues(
            greenByValues.ratio === null ? text.notComputed : formatPercent(greenByValues.ratio, tag, 1),
            area(greenByValues.greenAreaM2),
            area(greenByValues.landAreaM2),
          )}
        </p>
      ) : null}
      {greenByValues ? <p class="small muted">{text.greenRatioByValuesNote}</p> : null}
    </fieldset>
  );
}
