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
  const offered = BASEMAPS.filter(
    (basemap) => basemap.kind !== 'pmtiles' || localArchiveAvailable.value || basemap.id === active,
  );
  const Details = detailsModule.value;
  const chosen = asking ?? active;
  const choices = [
    { id: NO_BASEMAP, title: text.none },
    ...offered.map((basemap) => ({ id: basemap.id, title: basemap.title[lang] })),
  ];
  // Radio buttons, not a <select>: the page's one combobox stays the search box.
  return (
    <fieldset class="basemap-switch">
      <legend>{text.label}</legend>
      <div class="basemap-choices">
        {choices.map((choice) => (
          <label key={choice.id} class="basemap-choice">
            <input
              type="radio"
              name="basemap"
              value={choice.id}
              checked={chosen === choice.id}
              onChange={() => requestBasemap(choice.id)}
            />
            {choice.title}
          </label>
        ))}
      </div>
      {Details && needsDetails ? <Details.BasemapDetails /> : null}
      <p class="basemap-notice small" role="status">
        {problem === 'tiles-failed' ? text.tilesFailed : problem === 'archive-unreadable' ? text.archiveUnreadable : ''}
      </p>
    </fieldset>
  );
}
