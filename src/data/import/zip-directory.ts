/**
 * The names and sizes of a zip's members, read from its central directory without inflating
 * anything, so a zip bomb (a few KB that inflate to gigabytes) is refused before it costs memory.
 * Zip64 archives (members over 4 GB) are refused for the same reason.
 */

export interface ZipMember {
  name: string;
  compressedBytes: number;
  /** As declared by the directory: a claim, never trusted when inflating (see capped-unzip.ts). */
  uncompressedBytes: number;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  /** General-purpose flags; bit 0 means encrypted. */
  flags: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; members: ZipMember[] } | { ok: false; problem: string };

const END_OF_DIRECTORY_SIGNATURE = 0x06054b50;
const DIRECTORY_ENTRY_SIGNATURE = 0x02014b50;
const END_OF_DIRECTORY_BYTES = 22;
const LARGEST_COMMENT_BYTES = 0xffff;
const ZIP64_MARKER = 0xffffffff;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * Names are UTF-8 when the zip says so (flag bit 11) and in the zipping machine's code page
 * otherwise, which for Chinese Windows is GBK: strict UTF-8 first, GB18030 (a superset of GBK)
 * when that fails, so 江阳区.shp is not read as mojibake.
 */
function memberNameOf(raw: Uint8Array): string {
  try {
    return strictUtf8.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}

/** @example readZipDirectory(bytes) // { ok: true, members: [{ name: 'parcels.shp', compressedBytes: 812, uncompressedBytes: 2044, method: 8, … }, …] } */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const earliest = Math.max(0, bytes.length - END_OF_DIRECTORY_BYTES - LARGEST_COMMENT_BYTES);
  let end = -1;
  for (let offset = bytes.length - END_OF_DIRECTORY_BYTES; offset >= earliest; offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY_SIGNATURE) {
      end = offset;
      break;
    }
  }
  if (end < 0) return { ok: false, problem: 'the zip is damaged or cut short (its central directory is missing)' };
  const entryCount = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === ZIP64_MARKER || entryCount === 0xffff)
    return { ok: false, problem: 'Zip64 archives are not supported' };
  const members: ZipMember[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY_SIGNATURE) {
      return { ok: false, problem: `the zip is damaged (entry ${index + 1} of its central directory is unreadable)` };
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedBytes = view.getUint32(offset + 20, true);
    const uncompressedBytes = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    if (compressedBytes === ZIP64_MARKER || uncompressedBytes === ZIP64_MARKER || localHeaderOffset === ZIP64_MARKER)
      return { ok: false, problem: 'Zip64 archives are not supported' };
    const name = memberNameOf(bytes.subarray(offset + 46, offset + 46 + nameLength));
    members.push({ name, compressedBytes, uncompressedBytes, method, flags, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, members };
}
