/**
 * The `.pmtiles` archives drawn on the map, each with what went wrong (if anything) and a button to
 * take it off. Their tiles are read from the file as the map needs them, so there is no progress
 * to show and nothing to persist.
 */
import { language } from '../../i18n/index.ts';
import { pmtilesArchives, removePmtilesArchive } from '../../state/pmtiles-archives.ts';

const MESSAGES = {
  zh: { note: '矢量瓦片，按需从文件读取', remove: '移除' },
  en: { note: 'vector tiles, read from the file as needed', remove: 'Remove' },
} as const;

export function PmtilesArchiveList() {
  const text = MESSAGES[language.value];
  const archives = pmtilesArchives.value;
  if (archives.length === 0) return null;
  return (
    <ul class="imported-layers pmtiles-archives">
      {archives.map((archive) => (
        <li key={archive.id} data-pmtiles-archive={archive.id}>
          <span>{archive.name}</span> <span class="small muted">{text.note}</span>
          {archive.problem ? <p class="data-error">{archive.problem}</p> : null}{' '}
          <button type="button" class="text-button" onClick={() => removePmtilesArchive(archive.id)}>
            {text.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}
