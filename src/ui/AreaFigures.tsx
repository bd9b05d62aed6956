import { messages } from '../i18n/index.ts';
import { formatArea } from './format.ts';

/** One measured area in the three units a planner reads: km², hectares and 亩. */
export function AreaFigures({ squareMetres }: { squareMetres: number }) {
  const text = messages.value;
  const tag = text.languageTag;
  return (
    <span class="area-figures">
      <span>{formatArea(squareMetres, 'km2', text.units.km2, tag)}</span>
      <span>{formatArea(squareMetres, 'ha', text.units.ha, tag)}</span>
      <span>{formatArea(squareMetres, 'mu', text.units.mu, tag)}</span>
    </span>
  );
}
