/**
 * Generators that damage a valid file the ways real files arrive damaged or hostile: bytes
 * flipped, cut at any offset, keys repeated, nesting far deeper than any real file, numbers too
 * large or not numbers at all, odd Unicode, a byte-order mark, Windows line ends.
 */
import fc from 'fast-check';

/** Strings a careless or hostile file puts in names and values. */
export const ODD_TEXT = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u202E', // right-to-left override
  '\u200B\u200D\uFEFF', // zero-width characters and a BOM in the middle
  '\u2028\u2029', // line and paragraph separators (valid in JSON strings, not in old JS)
  '\u0000',
  '𠮷𝕏🏳️‍🌈',
  'e\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  '&amp;&#x0;&lt;',
  '江阳区\r\n龙马潭区',
  '%E0%A4%A',
  '__proto__',
  'constructor',
  'prototype',
] as const;

export const oddText = fc.oneof(
  fc.constantFrom(...ODD_TEXT),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

/** Numbers JSON cannot hold or a reader may choke on, as they would be written in a file. */
export const HOSTILE_NUMBER_TEXT = [
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e-400',
  '9007199254740993',
  '0x10',
  '1.',
  '.5',
  '+1',
  '1e',
  '00012',
  '1' + '0'.repeat(400),
] as const;

export type TextMutation =
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; character: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'bom' }
  | { kind: 'crlf' }
  | { kind: 'deep'; at: number; depth: number; open: string; close: string }
  | { kind: 'number'; index: number; replacement: string }
  | { kind: 'duplicate-key'; index: number };

/** Where in a text of `length` characters: any offset, as a fraction so it fits every text. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

export const textMutation: fc.Arbitrary<{ kind: TextMutation['kind'] } & Record<string, unknown>> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fraction }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fraction,
    character: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '<', '>', '/', '\\', '&'),
    ),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fraction,
    text: fc.oneof(oddText, fc.constantFrom(...HOSTILE_NUMBER_TEXT)),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({
    kind: fc.constant('deep' as const),
    at: fraction,
    depth: fc.constantFrom(100, 2_000, 20_000, 50_000),
    open: fc.constantFrom('[', '{"a":', '<a>', '<Folder>'),
    close: fc.constant(''),
  }),
  fc.record({
    kind: fc.constant('number' as const),
    index: fc.nat(),
    replacement: fc.constantFrom(...HOSTILE_NUMBER_TEXT),
  }),
  fc.record({ kind: fc.constant('duplicate-key' as const), index: fc.nat() }),
);

const CLOSING: Record<string, string> = { '[': ']', '{"a":': '}', '<a>': '</a>', '<Folder>': '</Folder>' };

export function applyTextMutation(
  text: string,
  mutation: { kind: TextMutation['kind'] } & Record<string, unknown>,
): string {
  const at = (value: unknown) => Math.floor((value as number) * text.length);
  switch (mutation.kind) {
    case 'cut':
      return text.slice(0, at(mutation.at));
    case 'flip': {
      const offset = Math.min(at(mutation.at), Math.max(0, text.length - 1));
      return text.slice(0, offset) + (mutation.character as string) + text.slice(offset + 1);
    }
    case 'insert':
      return text.slice(0, at(mutation.at)) + (mutation.text as string) + text.slice(at(mutation.at));
    case 'delete':
      return text.slice(0, at(mutation.at)) + text.slice(at(mutation.at) + (mutation.length as number));
    case 'bom':
      return `\uFEFF${text}`;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'deep': {
      // A value nested `depth` deep, put where a value or element may stand (or anywhere: then it is a syntax error).
      const open = mutation.open as string;
      const depth = mutation.depth as number;
      const nested = open.repeat(depth) + (open === '{"a":' ? '1' : '') + CLOSING[open]!.repeat(depth);
      if (open.startsWith('<')) {
        const anchor = text.indexOf('>', at(mutation.at)) + 1;
        return anchor > 0 ? text.slice(0, anchor) + nested + text.slice(anchor) : text + nested;
      }
      const members = [...text.matchAll(/"properties"\s*:\s*\{/g)];
      if (members.length > 0) {
        const member = members[Math.floor((mutation.at as number) * members.length) % members.length]!;
        const end = member.index + member[0].length;
        return `${text.slice(0, end)}"deep":${nested},${text.slice(end)}`;
      }
      return text + nested;
    }
    case 'number': {
      const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)];
      if (numbers.length === 0) return text;
      const match = numbers[(mutation.index as number) % numbers.length]!;
      return text.slice(0, match.index) + (mutation.replacement as string) + text.slice(match.index + match[0].length);
    }
    case 'duplicate-key': {
      // Repeat a member with another value: JSON.parse keeps the last, which must still be checked.
      const keys = [...text.matchAll(/"(type|coordinates|geometry|properties|features)"\s*:/g)];
      if (keys.length === 0) return text;
      const match = keys[(mutation.index as number) % keys.length]!;
      const replacement = { type: '"Nope"', coordinates: '[1e999]', geometry: '7', properties: '"x"', features: '{}' }[
        match[1]!
      ];
      return `${text.slice(0, match.index)}${match[0]}${replacement},${text.slice(match.index)}`;
    }
  }
}

export type ByteMutation =
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'flips'; positions: { at: number; value: number }[] };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fraction }),
  fc.record({ kind: fc.constant('flip' as const), at: fraction, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('flips' as const),
    positions: fc.array(fc.record({ at: fraction, value: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 2,
      maxLength: 12,
    }),
  }),
);

export function applyByteMutation(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const at = (value: number) => Math.min(bytes.length - 1, Math.floor(value * bytes.length));
  if (mutation.kind === 'cut') return bytes.slice(0, Math.floor(mutation.at * bytes.length));
  const copy = bytes.slice();
  const positions = mutation.kind === 'flip' ? [mutation] : mutation.positions;
  for (const position of positions) copy[at(position.at)] = position.value;
  return copy;
}
