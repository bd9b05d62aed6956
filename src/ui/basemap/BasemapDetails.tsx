/**
 * Loaded with the first basemap choice: the consent form (which host, what it learns, the 天地图
 * key) and the attribution line of the basemap shown.
 */
import { useState } from 'preact/hooks';
import { basemapOrigins, type Basemap } from '../../../basemaps.config.ts';
import { language } from '../../i18n/index.ts';
import {
  activeBasemapId,
  basemapById,
  consentRequest,
  declineConsent,
  grantConsent,
  isAcceptableKey,
  tiandituKey,
} from '../../state/basemap-choice.ts';
import { consentMessages } from './consent-messages.ts';
import './basemap.css';

function ConsentForm({ basemap }: { basemap: Basemap }) {
  const text = consentMessages.value;
  const lang = language.value;
  const savedKey = basemap.kind === 'raster' && basemap.key ? tiandituKey() : null;
  const [key, setKey] = useState('');
  const [missing, setMissing] = useState(false);
  const needsKey = basemap.kind === 'raster' && basemap.key !== undefined;
  const hosts = basemapOrigins(basemap).map((origin) => new URL(origin).host);
  const headingId = `basemap-consent-${basemap.id}`;
  const submit = (event: Event): void => {
    event.preventDefault();
    if (needsKey && !savedKey && !isAcceptableKey(key)) {
      setMissing(true);
      return;
    }
    grantConsent(basemap.id, needsKey && key.trim() !== '' ? key : undefined);
  };
  return (
    <form class="basemap-consent" aria-labelledby={headingId} onSubmit={submit}>
      <p id={headingId} class="basemap-consent-heading">
        {text.heading(basemap.title[lang])}
      </p>
      <p class="small">{text.contacts}</p>
      <ul class="basemap-hosts small">
        {hosts.map((host) => (
          <li key={host}>
            <code>{host}</code>
          </li>
        ))}
      </ul>
      <p class="small">{text.learns}</p>
      <p class="small">{text.neverSent}</p>
      {basemap.kind === 'raster' && basemap.key ? (
        <label class="basemap-key small">
          <span>
            {basemap.key.name[lang]}
            {savedKey ? ` (${text.keySaved})` : ''}
          </span>
          <input
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={key}
            placeholder={savedKey ? '••••••••' : ''}
            aria-invalid={missing}
            onInput={(event) => {
              setKey((event.currentTarget as HTMLInputElement).value);
              setMissing(false);
            }}
          />
          <span class="muted">
            {text.keyHint}{' '}
            <a href={basemap.key.signUpUrl} target="_blank" rel="noopener noreferrer">
              {text.keyGet}
            </a>
          </span>
          {missing ? <span class="caveat">{text.keyMissing}</span> : null}
        </label>
      ) : null}
      <p class="basemap-actions">
        <button type="submit" class="text-button">
          {text.agree}
        </button>
        <button type="button" class="text-button" onClick={declineConsent}>
          {text.cancel}
        </button>
      </p>
    </form>
  );
}

export function BasemapDetails() {
  const text = consentMessages.value;
  const asking = consentRequest.value;
  const askingFor = asking ? basemapById(asking) : undefined;
  if (askingFor) return <ConsentForm key={askingFor.id} basemap={askingFor} />;
  const shown = basemapById(activeBasemapId.value);
  if (!shown) return null;
  return (
    <p class="basemap-attribution small muted">
      {text.attribution}
      <a href={shown.attribution.url} target="_blank" rel="noopener noreferrer">
        {shown.attribution.text}
      </a>
    </p>
  );
}
