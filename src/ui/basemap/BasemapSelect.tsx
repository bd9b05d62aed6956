/**
 * The basemap switch itself (loaded after the first frame by BasemapSwitch.tsx): none by default.
 * Choosing an online basemap opens the consent form (loaded only then, with the attribution
 * line) before any tile is asked for.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { BASEMAPS } from '../../../basemaps.config.ts';
import { language } from '../../i18n/index.ts';
import {
  NO_BASEMAP,
  activeBasemapId,
  basemapProblem,
  consentRequest,
  localArchiveAvailable,
  requestBasemap,
} from '../../state/basemap-choice.ts';
import { basemapMessages } from './basemap-messages.ts';
import './basemap-switch.css';

type DetailsModule = typeof import('./BasemapDetails.tsx');
const detailsModule = signal<DetailsModule | null>(null);

export function BasemapSelect() {
  const text = basemapMessages.value;
  const lang = language.value;
  const active = activeBasemapId.value;
  const asking = consentRequest.value;
  const problem = basemapProblem.value;
  const needsDetails = asking !== null || active !== NO_BASEMAP;
  useEffect(() => {
    if (needsDetails && !detailsModule.peek()) {
      import('./BasemapDetails.tsx')
        .then((module) => {
          detailsModule.value = module;
        })
        .catch((error: unknown) => console.warn('The basemap details could not load:', error));
    }
  }, [needsDetails]);
  // The served archive is offered only once it is known to be there (or it is already showing).
  const offered = BASEMAPS.filter((basemap) => basemap.kind !== 'pmtiles' || localArchiveAvailable.value || basemap.id === active);
  const Details = detailsModule.value;
  return (
    <div class="basemap-switch">
      <label class="basemap-label">
        <span>{text.label}</span>
        <select
          value={asking ?? active}
          onChange={(event) => requestBasemap((event.currentTarget as HTMLSelectElement).value)}
        >
          <option value={NO_BASEMAP}>{text.none}</option>
          {offered.map((basemap) => (
            <option key={basemap.id} value={basemap.id}>
              {basemap.title[lang]}
            </option>
          ))}
        </select>
      </label>
      {Details && needsDetails ? <Details.BasemapDetails /> : null}
      <p class="basemap-notice small" role="status">
        {problem === 'tiles-failed' ? text.tilesFailed : problem === 'archive-unreadable' ? text.archiveUnreadable : ''}
      </p>
    </div>
  );
}
