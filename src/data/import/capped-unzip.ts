/**
 * Inflating a zip member with a cap on the bytes actually produced. A zip's directory can lie: a
 * 1 MB zip can declare a member of 100 bytes that inflates to 1 GiB. So the member is inflated as a
 * stream (fflate's `Inflate`) fed small slices of compressed input, with a running count of the
 * bytes that come out, and it stops the moment the count passes the smaller of the size the
 * directory declares and the caller's limit. Every reader that decompresses outside bytes (zipped
 * Shapefile, KMZ) goes through here.
 */
import { Inflate } from 'fflate';
import type { ZipMember } from './zip-directory.ts';

export type UnzippedMember =
  | { ok: true; bytes: Uint8Array; inflatedBytes: number }
  /** `problem` names the member; the caller adds the file's name. */
  | { ok: false; problem: string; inflatedBytes: number };

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
const STORED = 0;
const DEFLATED = 8;

/**
 * DEFLATE's largest expansion is 258 bytes out per bit in, so one byte of input can yield at most
 * 8 × 258 bytes. Slices of compressed input are sized from the allowance left so that one slice can
 * never carry the count more than SLACK_BYTES past the cap.
 */
const LARGEST_OUTPUT_PER_INPUT_BYTE = 8 * 258;
const SLACK_BYTES = 64 * 1024;
const LARGEST_SLICE_BYTES = 64 * 1024;

/** The most a refused member can have inflated beyond its cap before it was stopped. */
export const INFLATE_OVERSHOOT_BYTES = SLACK_BYTES + LARGEST_OUTPUT_PER_INPUT_BYTE;

/**
 * @example
 * unzipMember(zipBytes, { name: 'parcels.shp', uncompressedBytes: 100, … }, 400 * 1024 * 1024)
 * // { ok: false, problem: 'parcels.shp inflates to more than the 100 bytes its zip directory declares …', inflatedBytes: 65636 }
 */
export function unzipMember(zip: Uint8Array, member: ZipMember, limitBytes: number): UnzippedMember {
  const refuse = (problem: string, inflatedBytes = 0): UnzippedMember => ({
    ok: false,
    problem: `${member.name} ${problem}`,
    inflatedBytes,
  });
  if (member.flags & 1) return refuse('is encrypted (加密的 zip 条目无法读取)');
  const header = member.localHeaderOffset;
  if (header + LOCAL_HEADER_BYTES > zip.length) return refuse('lies outside the zip (zip 文件损坏)');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (view.getUint32(header, true) !== LOCAL_HEADER_SIGNATURE)
    return refuse('has no local header where the directory points (zip 文件损坏)');
  const start = header + LOCAL_HEADER_BYTES + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  // The compressed size is a claim too: never read past the zip's end.
  const compressed = zip.subarray(Math.min(start, zip.length), Math.min(start + member.compressedBytes, zip.length));
  const cap = Math.min(member.uncompressedBytes, limitBytes);
  const overCap = (count: number) =>
    refuse(
      member.uncompressedBytes <= limitBytes
        ? `inflates to more than the ${member.uncompressedBytes} bytes its zip directory declares (stopped after ${count}); the zip lies about its sizes, refused as a likely zip bomb (疑似 zip 炸弹)`
        : `inflates to more than the ${limitBytes} bytes a browser tab can import (stopped after ${count}) (解压后过大)`,
      count,
    );

  if (member.method === STORED) {
    if (compressed.length > cap) return overCap(compressed.length);
    return { ok: true, bytes: compressed.slice(), inflatedBytes: compressed.length };
  }
  if (member.method !== DEFLATED)
    return refuse(`uses compression method ${member.method}, not Deflate (不支持的压缩方式)`);

  // The cap is at most the declared size, which was checked against the limit: allocating it is safe.
  const output = new Uint8Array(cap);
  let count = 0;
  let overflowed = false;
  const inflater = new Inflate((chunk) => {
    if (overflowed) return;
    if (count + chunk.length > cap) {
      overflowed = true;
      count += chunk.length;
      return;
    }
    output.set(chunk, count);
    count += chunk.length;
  });
  try {
    let offset = 0;
    while (offset < compressed.length) {
      const allowance = cap - count + SLACK_BYTES;
      const sliceBytes = Math.max(
        1,
        Math.min(LARGEST_SLICE_BYTES, Math.floor(allowance / LARGEST_OUTPUT_PER_INPUT_BYTE)),
      );
      const end = Math.min(compressed.length, offset + sliceBytes);
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
      offset = end;
      if (overflowed) return overCap(count);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    return refuse(
      `could not be inflated (${error instanceof Error ? error.message : String(error)}) (zip 文件损坏)`,
      count,
    );
  }
  if (overflowed) return overCap(count);
  return { ok: true, bytes: count === cap ? output : output.slice(0, count), inflatedBytes: count };
}

/**
 * Several members within one budget: each is capped at its declared size and at what is left of
 * `limitBytes` after the ones before it.
 */
export function unzipMembers(
  zip: Uint8Array,
  members: readonly ZipMember[],
  limitBytes: number,
):
  | { ok: true; contents: Map<ZipMember, Uint8Array>; inflatedBytes: number }
  | { ok: false; problem: string; inflatedBytes: number } {
  const contents = new Map<ZipMember, Uint8Array>();
  let inflatedBytes = 0;
  for (const member of members) {
    const unzipped = unzipMember(zip, member, limitBytes - inflatedBytes);
    inflatedBytes += unzipped.inflatedBytes;
    if (!unzipped.ok) return { ok: false, problem: unzipped.problem, inflatedBytes };
    contents.set(member, unzipped.bytes);
  }
  return { ok: true, contents, inflatedBytes };
}
