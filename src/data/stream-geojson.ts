/**
 * Reads a GeoJSON file as a stream of byte chunks and hands over one validated feature at a time, so
 * a million-parcel FeatureCollection costs the memory of one feature, not of the file. Each feature
 * is checked by the same `normaliseGeoJson` the in-memory reader uses, so a broken feature gets the
 * same message either way; a broken byte gets one message with its line and column.
 *
 * The tokenising is `@streamparser/json`'s: only `features[*]` are assembled (and dropped once
 * handed over), plus the few root members a bare Feature or geometry is made of.
 */
import type { Feature } from 'geojson';
import { Tokenizer, TokenParser } from '@streamparser/json';
import { normaliseGeoJson } from './parse-geojson.ts';

export type StreamedGeoJsonResult =
  | { ok: true; featureCount: number }
  | { ok: false; message: string; path: string | null; line: number | null; column: number | null };

/** Root members kept for a root that turns out not to be a FeatureCollection (a Feature or a geometry). */
const ROOT_MEMBERS = ['type', 'id', 'geometry', 'properties', 'coordinates', 'geometries'];

const NEWLINE = 10;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];
/** `@streamparser/json`'s token types used here. */
const LEFT_BRACE = 0;
const RIGHT_BRACE = 1;
const LEFT_BRACKET = 2;
const RIGHT_BRACKET = 3;
const COLON = 4;
const STRING = 9;

/** UTF-16 code units in UTF-8 bytes, as an editor counts columns: continuation bytes add none, 4-byte sequences two. */
function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let index = start; index < end; index++) {
    const byte = bytes[index]!;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

interface ChunkPosition {
  bytes: Uint8Array;
  /** Absolute offset of its first byte. */
  start: number;
  /** Lines before it, and UTF-16 units between the last of them and its first byte. */
  linesBefore: number;
  unitsBefore: number;
}

function locateIn(chunk: ChunkPosition, offset: number): { line: number; column: number } {
  const { bytes } = chunk;
  const end = Math.max(0, Math.min(offset - chunk.start, bytes.length));
  let line = chunk.linesBefore + 1;
  let lastNewline = -1;
  for (let index = bytes.indexOf(NEWLINE); index !== -1 && index < end; index = bytes.indexOf(NEWLINE, index + 1)) {
    line += 1;
    lastNewline = index;
  }
  const units =
    lastNewline === -1 ? chunk.unitsBefore + utf16Length(bytes, 0, end) : utf16Length(bytes, lastNewline + 1, end);
  return { line, column: units + 1 };
}

/**
 * Line and column of a byte offset, kept up to date chunk by chunk: newlines are counted with the
 * native `indexOf`, and only the bytes after a chunk's last newline are walked for the column. The
 * chunk before is kept too, because a token (and so a problem's start) can begin there.
 */
class PositionTracker {
  private previous: ChunkPosition | null = null;
  private current: ChunkPosition = { bytes: new Uint8Array(0), start: 0, linesBefore: 0, unitsBefore: 0 };

  begin(bytes: Uint8Array): void {
    this.current.bytes = bytes;
  }

  finish(): void {
    const { bytes, start, linesBefore, unitsBefore } = this.current;
    let lines = linesBefore;
    let lastNewline = -1;
    for (let index = bytes.indexOf(NEWLINE); index !== -1; index = bytes.indexOf(NEWLINE, index + 1)) {
      lines += 1;
      lastNewline = index;
    }
    const units =
      lastNewline === -1
        ? unitsBefore + utf16Length(bytes, 0, bytes.length)
        : utf16Length(bytes, lastNewline + 1, bytes.length);
    this.previous = this.current;
    this.current = { bytes: new Uint8Array(0), start: start + bytes.length, linesBefore: lines, unitsBefore: units };
  }

  /** 1-based line and column of an absolute byte offset in the current chunk or the one before. */
  locate(offset: number): { line: number; column: number } {
    if (offset < this.current.start && this.previous !== null) return locateIn(this.previous, offset);
    return locateIn(this.current, offset);
  }

  get bytesSeen(): number {
    return this.current.start + this.current.bytes.length;
  }
}

/** Thrown inside this module only, to stop the parser at the first problem. */
class StreamProblem extends Error {
  constructor(readonly result: Extract<StreamedGeoJsonResult, { ok: false }>) {
    super(result.message);
  }
}

function shapeProblem(message: string, path: string | null): StreamProblem {
  return new StreamProblem({ ok: false, message, path, line: null, column: null });
}

/** `normaliseGeoJson` saw the feature as `features[0]`; the file has it at `features[index]`. */
function atFeatureIndex(
  problem: { message: string; path: string | null },
  index: number,
): { message: string; path: string | null } {
  const prefix = 'features[0]';
  if (problem.path === null || !problem.path.startsWith(prefix)) return problem;
  const path = `features[${index}]${problem.path.slice(prefix.length)}`;
  const message = problem.message.endsWith(problem.path)
    ? `${problem.message.slice(0, -problem.path.length)}${path}`
    : problem.message;
  return { message, path };
}

/** The tokenizer's words turned into the in-memory reader's ("unexpected "x" where a value should be"). */
function syntaxProblem(error: Error): { problem: string; offset: number | null } {
  const unexpected = /^Unexpected "(.+?)" at chunk position "\d+" \(absolute position "(\d+)"\) in state (\w+)/.exec(
    error.message,
  );
  const literal = unexpected && /^(?:TRUE|FALSE|NULL)(\d)$/.exec(unexpected[3]!);
  if (unexpected && literal) {
    // Point at the word's first letter, as the in-memory reader does: "type" fails at its "y".
    return {
      problem: 'a word where a value should be (JSON knows only true, false and null)',
      offset: Number(unexpected[2]) - Number(literal[1]),
    };
  }
  if (unexpected) {
    const character = unexpected[1]!;
    const hint = character === 'N' || character === 'I' ? ' (NaN and Infinity are not allowed in JSON)' : '';
    return { problem: `unexpected ${JSON.stringify(character)}${hint}`, offset: Number(unexpected[2]) };
  }
  const unexpectedToken = /^Unexpected (\w+) \("(.*)"\)/.exec(error.message);
  if (unexpectedToken) return { problem: `unexpected ${JSON.stringify(unexpectedToken[2])}`, offset: null };
  if (/ended in (the )?mid/.test(error.message)) return { problem: 'text ends early (truncated file?)', offset: -1 };
  return { problem: error.message, offset: null };
}

/**
 * @example
 * await streamGeoJsonFeatures(createReadStream('parcels.geojson'), 'parcels.geojson', (feature) => total += area(feature))
 * // { ok: true, featureCount: 1000000 }
 */
export async function streamGeoJsonFeatures(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  fileName: string,
  onFeature: (feature: Feature, index: number) => void,
  options: { onBytes?: (bytesRead: number) => void } = {},
): Promise<StreamedGeoJsonResult> {
  const tracker = new PositionTracker();
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({
    paths: ['$.features.*', ...ROOT_MEMBERS.map((name) => `$.${name}`)],
    keepStack: false,
  });
  const root: Record<string, unknown> = {};
  let rootToken: number | null = null;
  let rootScalar: unknown;
  let lastTokenOffset = 0;
  let featureCount = 0;
  // What the root's "features" member is, told from the tokens: its items are dropped once handed
  // over, so the parser itself cannot say afterwards whether it was an (empty) array.
  let features: { kind: 'array' } | { kind: 'object' } | { kind: 'value'; value: unknown } | undefined;
  let depth = 0;
  let previousToken: number | null = null;
  let previousValue: unknown;
  let memberName: unknown;

  tokenizer.onToken = (token) => {
    lastTokenOffset = token.offset;
    if (rootToken === null) {
      rootToken = token.token;
      rootScalar = token.value;
    }
    if (depth === 1 && token.token === COLON && previousToken === STRING) memberName = previousValue;
    else if (depth === 1 && previousToken === COLON && memberName === 'features') {
      features =
        token.token === LEFT_BRACKET
          ? { kind: 'array' }
          : token.token === LEFT_BRACE
            ? { kind: 'object' }
            : { kind: 'value', value: token.value };
    }
    if (token.token === LEFT_BRACE || token.token === LEFT_BRACKET) depth += 1;
    else if (token.token === RIGHT_BRACE || token.token === RIGHT_BRACKET) depth -= 1;
    previousToken = token.token;
    previousValue = token.value;
    parser.write(token);
  };
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 2) {
      if (features?.kind !== 'array' || typeof key !== 'number') return;
      const normalised = normaliseGeoJson({ type: 'FeatureCollection', features: [value] }, fileName);
      if (!normalised.ok) {
        const located = atFeatureIndex(normalised, key);
        throw shapeProblem(located.message, located.path);
      }
      onFeature(normalised.collection.features[0]!, featureCount);
      featureCount += 1;
    } else if (stack.length === 1 && typeof key === 'string') {
      root[key] = value;
    }
  };

  const positioned = (error: Error): StreamProblem => {
    const { problem, offset } = syntaxProblem(error);
    const { line, column } = tracker.locate(offset === -1 ? tracker.bytesSeen : (offset ?? lastTokenOffset));
    return new StreamProblem({
      ok: false,
      message: `${fileName}: not valid JSON: ${problem} at line ${line}, column ${column}`,
      path: null,
      line,
      column,
    });
  };

  let first = true;
  let anyText = false;
  try {
    for await (const received of chunks) {
      let chunk = received;
      if (first && BYTE_ORDER_MARK.every((byte, index) => chunk[index] === byte)) chunk = chunk.subarray(3);
      first = false;
      tracker.begin(chunk);
      if (!anyText) anyText = chunk.some((byte) => byte !== 32 && byte !== 9 && byte !== 10 && byte !== 13);
      try {
        tokenizer.write(chunk);
      } catch (error) {
        if (error instanceof StreamProblem) throw error;
        throw positioned(error as Error);
      }
      tracker.finish();
      options.onBytes?.(tracker.bytesSeen);
    }
    if (!anyText) return { ok: false, message: `${fileName}: the file is empty`, path: null, line: null, column: null };
    try {
      tokenizer.end();
      // A document cut between tokens leaves the parser, not the tokenizer, mid-value.
      if (!parser.isEnded) parser.end();
    } catch (error) {
      if (error instanceof StreamProblem) throw error;
      throw positioned(error as Error);
    }
  } catch (error) {
    if (error instanceof StreamProblem) return error.result;
    throw error;
  }

  // The root's own shape, judged by the in-memory reader from what was kept of it.
  if (rootToken !== LEFT_BRACE) {
    const stand = rootToken === LEFT_BRACKET ? [] : rootScalar;
    return normaliseProblem(normaliseGeoJson(stand, fileName));
  }
  if (root.type === 'FeatureCollection' && features?.kind === 'array') return { ok: true, featureCount };
  if (root.type === 'FeatureCollection' || root.type === undefined) {
    const standIn =
      features === undefined
        ? {}
        : { features: features.kind === 'value' ? features.value : features.kind === 'array' ? [] : {} };
    return normaliseProblem(normaliseGeoJson({ ...root, ...standIn }, fileName));
  }
  // A bare Feature or geometry: one feature, made of the root members kept above.
  const normalised = normaliseGeoJson(root, fileName);
  if (!normalised.ok) return normaliseProblem(normalised);
  normalised.collection.features.forEach((feature, index) => onFeature(feature, index));
  return { ok: true, featureCount: normalised.collection.features.length };
}

function normaliseProblem(result: ReturnType<typeof normaliseGeoJson>): StreamedGeoJsonResult {
  if (result.ok) return { ok: false, message: 'unreachable', path: null, line: null, column: null };
  const { message, path, line, column } = result;
  return { ok: false, message, path, line, column };
}
