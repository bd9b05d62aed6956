/**
 * A dataset as a package of files laid out exactly like `geodata/`: the manifest, one file per
 * layer, the label points, and `CHANGES.json` (what differs from the shipped data, and why).
 * The app exports one (`writeDatasetPackage`) and reads one back (`readDatasetPackage`); unzipped
 * over `geodata/`, it is what `npm run build` and `npm run stats -- --geodata` read.
 *
 * Reading treats the zip as hostile input: sizes are capped on the bytes actually inflated
 * (capped-unzip.ts), names that climb out of the folder are refused, and the files still have to
 * pass the dataset's own validation (load-dataset.ts) before anything is replaced.
 */
import { zipSync } from 'fflate';
import { serializeFeatureCollection, serializeManifest } from './dataset-serialization.ts';
import type { Dataset } from './dataset-types.ts';
import { unzipMember } from './import/capped-unzip.ts';
import { readZipDirectory } from './import/zip-directory.ts';
import { loadDataset, MANIFEST_FILE } from './load-dataset.ts';
import { CHANGES_FILE, type DatasetChange, type DatasetChanges, readDatasetChanges } from './dataset-changes.ts';

export { CHANGES_FILE, type DatasetChange };

/** A whole dataset of planning units is a few MB; anything past this is not one. */
export const MAXIMUM_PACKAGE_FILE_BYTES = 100 * 1024 * 1024;
const MAXIMUM_PACKAGE_FILES = 200;

/** Path → text of every file of the package, in the build's own format. */
export function datasetPackageFiles(dataset: Dataset, changes: readonly DatasetChange[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set(MANIFEST_FILE, serializeManifest(dataset.manifest));
  for (const layer of dataset.layers) {
    files.set(layer.definition.file, serializeFeatureCollection(layer.features.features));
  }
  if (dataset.manifest.labels !== undefined && dataset.labels) {
    files.set(dataset.manifest.labels, serializeFeatureCollection(dataset.labels.features));
  }
  const record: DatasetChanges = { format: 1, basedOn: 'shipped', changes: [...changes] };
  files.set(CHANGES_FILE, `${JSON.stringify(record, null, 2)}\n`);
  return files;
}

/** The package as a zip whose entries sit at its root: `unzip -o dataset.zip -d geodata/`. */
export function writeDatasetPackage(files: ReadonlyMap<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {};
  // A fixed timestamp: the same dataset always gives the same bytes.
  for (const [path, text] of files) entries[path] = encoder.encode(text);
  return zipSync(entries, { level: 6, mtime: new Date(Date.UTC(2020, 0, 1)) });
}

export type DatasetPackage =
  | { ok: true; dataset: Dataset; files: Map<string, string>; changes: DatasetChange[] }
  | { ok: false; problems: string[] };

function isSafePath(path: string): boolean {
  return (
    path.length > 0 &&
    path.length <= 200 &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !path.includes('\0') &&
    path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/**
 * The dataset in a zip exported by the app (or any zip of a `geodata/` folder, at its root or in
 * one folder), validated exactly as the page validates `geodata/`; or the problems, each naming
 * the file. `fileName` is the zip's name, for the messages.
 */
export async function readDatasetPackage(bytes: Uint8Array, fileName: string): Promise<DatasetPackage> {
  const refuse = (problem: string): DatasetPackage => ({ ok: false, problems: [`${fileName}: ${problem}`] });
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return refuse(directory.problem);
  const members = directory.members.filter((member) => !member.name.endsWith('/'));
  if (members.length > MAXIMUM_PACKAGE_FILES) return refuse(`holds ${members.length} files, more than a dataset has`);
  const manifest = members.find((member) => member.name === MANIFEST_FILE || member.name.endsWith(`/${MANIFEST_FILE}`));
  if (!manifest) return refuse(`has no ${MANIFEST_FILE}: not a dataset exported from this map`);
  // The folder the manifest is in is the dataset's root (a zip of the geodata/ folder itself works too).
  const root = manifest.name.slice(0, manifest.name.length - MANIFEST_FILE.length);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, string>();
  for (const member of members) {
    if (!member.name.startsWith(root)) continue;
    const path = member.name.slice(root.length);
    if (!/\.(geo)?json$/i.test(path)) continue;
    if (!isSafePath(path)) return refuse(`refused the entry ${JSON.stringify(member.name.slice(0, 80))}`);
    const unzipped = unzipMember(bytes, member, MAXIMUM_PACKAGE_FILE_BYTES);
    if (!unzipped.ok) return refuse(unzipped.problem);
    try {
      files.set(path, decoder.decode(unzipped.bytes));
    } catch {
      return refuse(`${path} is not UTF-8 text`);
    }
  }
  const loaded = await loadDataset(async (path) => {
    const text = files.get(path);
    if (text === undefined) throw new Error('missing from the zip');
    return text;
  });
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map((problem) => `${fileName}: ${problem}`) };
  return { ok: true, dataset: loaded.dataset, files, changes: readDatasetChanges(files.get(CHANGES_FILE)) };
}
