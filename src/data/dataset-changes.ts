/**
 * The change list of a dataset that differs from the shipped one (`CHANGES.json` in a dataset
 * package): what changed, in which feature, from which file, when. Kept apart from the package
 * code so the page can read it at start without the zip code.
 */

export const CHANGES_FILE = 'CHANGES.json';

/** One entry of the change list: what changed, in which feature, from which file, when. */
export interface DatasetChange {
  what: string;
  layerId: string;
  featureId?: string;
  fromFile?: string;
  /** ISO 8601. */
  at: string;
}

export interface DatasetChanges {
  format: 1;
  /** Where the data started from: always the shipped dataset of this app. */
  basedOn: 'shipped';
  changes: DatasetChange[];
}

/** The change list of a package's CHANGES.json; entries of another shape are left out. */
export function readDatasetChanges(text: string | undefined): DatasetChange[] {
  if (text === undefined) return [];
  try {
    const parsed = JSON.parse(text) as { changes?: unknown };
    if (!Array.isArray(parsed.changes)) return [];
    return parsed.changes.filter(
      (change): change is DatasetChange =>
        typeof change === 'object' &&
        change !== null &&
        typeof change.what === 'string' &&
        typeof change.layerId === 'string' &&
        typeof change.at === 'string',
    );
  } catch {
    return [];
  }
}
