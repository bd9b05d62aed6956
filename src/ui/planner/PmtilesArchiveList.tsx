/**
 * The `.pmtiles` archives drawn on the map, each with what went wrong (if anything), whether it
 * comes back after a reload, and a button to take it off; and a field to open one by its address
 * on this site. Their tiles are read as the map needs them, so there is no progress to show.
 */
import { useState } from 'preact/hooks';
import { language } from '../../i18n/index.ts';
import { KEEP_FILE_LIMIT_BYTES } from '../../data/storage/pmtiles-archives-persistence.ts';
import {
  type ArchiveUrlCheck,
  addPmtilesUrl,
  checkArchiveUrl,
  type PmtilesArchive,
  pmtilesArchives,
  removePmtilesArchive,
} from '../../state/pmtiles-archives.ts';

const LIMIT_MB = KEEP_FILE_LIMIT_BYTES / 1e6;
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(0);

type UrlProblem = Extract<ArchiveUrlCheck, { ok: false }>;

const MESSAGES = {
  zh: {
    fileNote: '矢量瓦片，按需从文件读取',
    urlNote: '矢量瓦片，按需从本站读取',
    remove: '移除',
    urlLabel: '本站的 .pmtiles 地址',
    open: '打开',
    keeping: {
      saving: '正在保存…',
      kept: '刷新后仍会打开',
      tooBig: (bytes: number) =>
        `刷新后不会保留：文件 ${megabytes(bytes)} MB，超过本浏览器保存的 ${LIMIT_MB} MB 上限；刷新后请重新选择文件`,
      failed: '刷新后不会保留：浏览器拒绝保存（存储已满或被禁止）',
      unreadable: '无法显示，因此不保留',
    },
    urlProblem: (problem: UrlProblem) =>
      problem.problem === 'empty'
        ? '请输入地址'
        : problem.problem === 'invalid'
          ? `不是有效的地址：${problem.detail}`
          : problem.problem === 'scheme'
            ? `只能打开 http(s) 地址，不能打开 ${problem.detail}`
            : problem.problem === 'credentials'
              ? '地址中不能包含用户名或密码'
              : `只能打开本站（${location.host}）的文件：${problem.detail} 是另一个主机，不会连接`,
  },
  en: {
    fileNote: 'vector tiles, read from the file as needed',
    urlNote: 'vector tiles, read from this site as needed',
    remove: 'Remove',
    urlLabel: 'Address of a .pmtiles on this site',
    open: 'Open',
    keeping: {
      saving: 'saving…',
      kept: 'comes back after a reload',
      tooBig: (bytes: number) =>
        `not kept after a reload: the file is ${megabytes(bytes)} MB, over the ${LIMIT_MB} MB this browser keeps; choose it again after a reload`,
      failed: 'not kept after a reload: the browser refused to store it (storage full or blocked)',
      unreadable: 'not kept, since it cannot be drawn',
    },
    urlProblem: (problem: UrlProblem) =>
      problem.problem === 'empty'
        ? 'Type an address'
        : problem.problem === 'invalid'
          ? `Not an address: ${problem.detail}`
          : problem.problem === 'scheme'
            ? `Only http(s) addresses can be opened, not ${problem.detail}`
            : problem.problem === 'credentials'
              ? 'An address with a user name or password is not opened'
              : `Only files on this site (${location.host}) can be opened: ${problem.detail} is another host and is not contacted`,
  },
} as const;

function keepingNote(archive: PmtilesArchive, text: (typeof MESSAGES)[keyof typeof MESSAGES]): string {
  if (archive.keeping === 'saving') return text.keeping.saving;
  if (archive.keeping === 'kept') return text.keeping.kept;
  if (archive.keeping === 'too-big') return text.keeping.tooBig(archive.file?.size ?? 0);
  if (archive.keeping === 'unreadable') return text.keeping.unreadable;
  return text.keeping.failed;
}

function OpenByAddress() {
  const text = MESSAGES[language.value];
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<UrlProblem | null>(null);
  return (
    <form
      class="import-controls pmtiles-url-form"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkArchiveUrl(address, location.href);
        if (!checked.ok) {
          setProblem(checked);
          return;
        }
        setProblem(null);
        setAddress('');
        addPmtilesUrl(checked.url, checked.name);
      }}
    >
      <label>
        {text.urlLabel}{' '}
        <input
          type="text"
          inputMode="url"
          class="pmtiles-url-input"
          placeholder="/data/parcels.pmtiles"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
      </label>{' '}
      <button type="submit" class="text-button">
        {text.open}
      </button>
      {problem ? (
        <span class="data-error pmtiles-url-problem" role="alert">
          {text.urlProblem(problem)}
        </span>
      ) : null}
    </form>
  );
}

export function PmtilesArchiveList() {
  const text = MESSAGES[language.value];
  const archives = pmtilesArchives.value;
  return (
    <>
      <OpenByAddress />
      {archives.length === 0 ? null : (
        <ul class="imported-layers pmtiles-archives">
          {archives.map((archive) => (
            <li key={archive.id} data-pmtiles-archive={archive.id} data-pmtiles-keeping={archive.keeping}>
              <span>{archive.name}</span> <span class="small muted">{archive.url ? text.urlNote : text.fileNote}</span>{' '}
              <span class="small muted pmtiles-keeping">· {keepingNote(archive, text)}</span>
              {archive.problem ? <p class="data-error">{archive.problem}</p> : null}{' '}
              <button type="button" class="text-button" onClick={() => removePmtilesArchive(archive.id)}>
                {text.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
