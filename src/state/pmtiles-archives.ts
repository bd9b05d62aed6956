/**
 * The `.pmtiles` archives the planner opened this session. Only the `File` handle is kept: the map
 * reads the byte ranges it needs from it (header, directories, the tiles in view), so a
 * million-parcel archive is never read whole, and nothing leaves the machine. Not persisted: a
 * reload asks for the file again, as with any file the browser only lent us.
 */
import { signal } from '@preact/signals';

export interface PmtilesArchive {
  /** No ':' and no '/': it becomes part of a `pmtiles://` URL and of MapLibre layer ids. */
  id: string;
  name: string;
  file: File;
  /** Set by the map once it has read the archive: a line saying why it cannot be drawn. */
  problem?: string;
}

export const pmtilesArchives = signal<readonly PmtilesArchive[]>([]);

let nextNumber = 1;

export function isPmtilesFile(file: File): boolean {
  return /\.pmtiles$/i.test(file.name);
}

export function addPmtilesArchive(file: File): PmtilesArchive {
  const archive: PmtilesArchive = { id: `pmtiles-${nextNumber++}`, name: file.name, file };
  pmtilesArchives.value = [...pmtilesArchives.value, archive];
  return archive;
}

export function setPmtilesProblem(id: string, problem: string): void {
  pmtilesArchives.value = pmtilesArchives.value.map((archive) =>
    archive.id === id ? { ...archive, problem } : archive,
  );
}

export function removePmtilesArchive(id: string): void {
  pmtilesArchives.value = pmtilesArchives.value.filter((archive) => archive.id !== id);
}
