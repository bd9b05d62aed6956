/**
 * The search box: finds features by Chinese name, pinyin (full or initials), English name, with
 * small typos, as the visitor types. Arrow keys move through the results, Enter or a click opens
 * one: the map flies there and its panel opens.
 *
 * The search core carries pinyin-pro's dictionary (~145 KB gzipped), so it is imported only when
 * the box is first focused (or typed into), never with the first page load.
 *
 * ARIA: the WAI-ARIA 1.2 combobox pattern (input with a listbox popup, active option by
 * aria-activedescendant), so a screen reader announces the result the arrows land on.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dataset } from '../../data/dataset-types.ts';
import type { SearchIndex, SearchResult } from '../../search/index.ts';
import { language, messages } from '../../i18n/index.ts';
import { layerVisibility, requestZoom, selectFeature, toggleLayer } from '../../state/app-state.ts';
import { findFeature } from '../../state/app-state.ts';
import { HighlightedText } from './HighlightedText.tsx';
import { nextActiveIndex } from './result-navigation.ts';

const RESULT_LIMIT = 8;
const LISTBOX_ID = 'search-results';
const HINT_ID = 'search-hint';

type SearchModule = typeof import('../../search/index.ts');

type Loaded =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; run: (query: string) => SearchResult[] }
  | { status: 'failed'; reason: string };

/** One import and one index per dataset, however many times the box is focused. */
function useSearchIndex(dataset: Dataset): [Loaded, () => void] {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'idle' });
  const started = useRef<Dataset | null>(null);
  const load = (): void => {
    if (started.current === dataset) return;
    started.current = dataset;
    setLoaded({ status: 'loading' });
    import('../../search/index.ts')
      .then((module: SearchModule) => {
        if (started.current !== dataset) return;
        const index: SearchIndex = module.createSearchIndex(module.entriesFromDataset(dataset));
        setLoaded({ status: 'ready', run: (query) => module.search(index, query, { limit: RESULT_LIMIT }) });
      })
      .catch((error: unknown) => {
        if (started.current !== dataset) return;
        // Focusing again retries: a failed chunk download is usually a passing network problem.
        started.current = null;
        setLoaded({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
  };
  return [loaded, load];
}

export function SearchBox({ dataset }: { dataset: Dataset }) {
  const text = messages.value.explorer.search;
  const lang = language.value;
  const [loaded, load] = useSearchIndex(dataset);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const results = loaded.status === 'ready' && query.trim() !== '' ? loaded.run(query) : [];
  const showList = open && query.trim() !== '';

  // A new result list starts with nothing active: Enter then opens the first one.
  useEffect(() => setActive(-1), [query]);

  // The box shows a chosen place's name in the page's language: when the language changes, so
  // does the name (typed text stays, and its results re-run in the new language as they render).
  const chosen = useRef<{ result: SearchResult; shown: string } | null>(null);
  useEffect(() => {
    const held = chosen.current;
    if (!held || held.shown !== query) return;
    const renamed = nameIn(held.result, lang);
    chosen.current = { result: held.result, shown: renamed };
    setQuery(renamed);
  }, [lang]);

  const choose = (result: SearchResult): void => {
    const reference = { layerId: result.layer, featureId: result.id };
    // A feature of a hidden layer would open a panel about something the map does not show.
    if (!layerVisibility.peek()[reference.layerId]) toggleLayer(reference.layerId);
    selectFeature(reference);
    requestZoom(reference);
    const shown = nameIn(result, lang);
    chosen.current = { result, shown };
    setQuery(shown);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (results.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const direction = event.key === 'ArrowDown' ? 'down' : 'up';
      setActive((current) => nextActiveIndex(current, results.length, direction));
      return;
    }
    if (event.key === 'Enter') {
      const result = results[Math.max(active, 0)];
      if (showList && result) {
        event.preventDefault();
        choose(result);
      }
      return;
    }
    if (event.key === 'Escape' && showList) {
      // Closing the list must not also close an open feature panel (it listens on the document).
      event.stopPropagation();
      setOpen(false);
    }
  };

  const activeId = showList && active >= 0 && results[active] ? optionId(active) : undefined;
  let status = '';
  if (showList) {
    if (loaded.status === 'loading' || loaded.status === 'idle') status = text.preparing;
    else if (loaded.status === 'failed') status = `${text.unavailable}${loaded.reason}`;
    else status = results.length === 0 ? text.noMatches : text.resultCount(results.length);
  }

  return (
    <div class="search-box" role="search">
      <label class="visually-hidden" for="search-input">
        {text.label}
      </label>
      <input
        id="search-input"
        type="search"
        role="combobox"
        // Preact's types tie role="combobox" to a datalist; the listbox below takes its place.
        list={undefined}
        autocomplete="off"
        spellcheck={false}
        enterKeyHint="search"
        placeholder={text.placeholder}
        value={query}
        aria-autocomplete="list"
        aria-expanded={showList && results.length > 0}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={activeId}
        aria-describedby={HINT_ID}
        onFocus={() => {
          load();
          setOpen(true);
        }}
        onInput={(event) => {
          load();
          setQuery((event.currentTarget as HTMLInputElement).value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          // A click on a result moves focus into the list first; let it land before closing.
          const next = (event as FocusEvent).relatedTarget as Node | null;
          if (!next || !(event.currentTarget as HTMLElement).parentElement?.contains(next)) setOpen(false);
        }}
      />
      <p id={HINT_ID} class="visually-hidden">
        {text.hint}
      </p>
      <p class="search-status" role="status" aria-live="polite">
        {status}
      </p>
      <ul
        id={LISTBOX_ID}
        role="listbox"
        aria-label={text.resultsLabel}
        class="search-results"
        hidden={!showList || results.length === 0}
      >
        {showList
          ? results.map((result, index) => {
              const primaryIsChinese = lang === 'zh' || !result.name_en;
              const primary = primaryIsChinese ? 'name_zh' : 'name_en';
              const secondary = primaryIsChinese ? 'name_en' : 'name_zh';
              const kind = messages.value.kinds[result.kind] ?? result.kind;
              const found = findFeature(dataset, { layerId: result.layer, featureId: result.id });
              const approximate = found?.feature.properties.confidence !== 'high';
              return (
                <li
                  key={`${result.layer}/${result.id}`}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  class={`search-result${index === active ? ' search-result--active' : ''}`}
                  // mousedown, not click: the input's blur would otherwise close the list first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(result);
                  }}
                  onMouseEnter={() => setActive(index)}
                >
                  <span class="search-result__name">
                    {approximate ? <span aria-hidden="true">≈</span> : null}
                    <HighlightedText text={result[primary]} ranges={result.highlights[primary]} />
                  </span>
                  {result[secondary] ? (
                    <span class="search-result__secondary">
                      <HighlightedText text={result[secondary]} ranges={result.highlights[secondary]} />
                    </span>
                  ) : null}
                  <span class="search-result__kind">
                    {kind}
                    {approximate ? <span class="visually-hidden">{`, ${text.approximate}`}</span> : null}
                  </span>
                </li>
              );
            })
          : null}
      </ul>
    </div>
  );
}

function nameIn(result: SearchResult, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? result.name_zh || result.name_en : result.name_en || result.name_zh;
}

function optionId(index: number): string {
  return `search-result-${index}`;
}
