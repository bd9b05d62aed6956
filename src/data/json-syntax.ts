/**
 * Where a JSON text first goes wrong, as line and column, for the one-line message a planner sees.
 *
 * Runs only after `JSON.parse` has failed, because engines disagree on whether (and how) their
 * error message carries a position: V8 often gives none. The scanner is iterative with an explicit
 * container stack, so no depth of nesting can overflow the call stack.
 */

export interface JsonSyntaxProblem {
  /** What is wrong, in words: "unexpected '}'", "text ends early (truncated file?)". */
  problem: string;
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units like an editor's column. */
  column: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function describe(character: string | undefined): string {
  if (character === undefined) return 'end of text';
  return JSON.stringify(character);
}

/** Returns null when the text is valid JSON (the scanner agrees with `JSON.parse`). */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let offset = 0;
  const containers: ('object' | 'array')[] = [];
  // What the grammar allows next; the scanner is a small state machine over these.
  type Expectation = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  let expecting = 'value' as Expectation;

  const fail = (problem: string): JsonSyntaxProblem => ({ problem, offset, ...lineAndColumn(text, offset) });
  const skipWhitespace = () => {
    while (offset < text.length && WHITESPACE.has(text[offset]!)) offset += 1;
  };
  const scanString = (): JsonSyntaxProblem | null => {
    offset += 1;
    while (offset < text.length) {
      const code = text.charCodeAt(offset);
      if (code === 34) {
        offset += 1;
        return null;
      }
      if (code === 92) {
        const escape = text[offset + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(offset + 2, offset + 6))) return fail('bad \\u escape in a string');
          offset += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          offset += 2;
        } else {
          return escape === undefined
            ? fail('text ends inside a string (truncated file?)')
            : fail('bad escape in a string');
        }
        continue;
      }
      if (code < 32) return fail('control character inside a string (unclosed quote?)');
      offset += 1;
    }
    return fail('text ends inside a string (truncated file?)');
  };
  const afterValue = () => {
    expecting = containers.length === 0 ? 'end' : 'comma-or-close';
  };

  for (;;) {
    skipWhitespace();
    const character = text[offset];
    if (character === undefined) {
      return expecting === 'end' ? null : fail('text ends early (truncated file?)');
    }
    switch (expecting) {
      case 'end':
        return fail(`unexpected ${describe(character)} after the end of the JSON value`);
      case 'colon':
        if (character !== ':') return fail(`expected ':' after a property name, found ${describe(character)}`);
        offset += 1;
        expecting = 'value';
        continue;
      case 'comma-or-close': {
        const container = containers[containers.length - 1];
        if (character === ',') {
          offset += 1;
          expecting = container === 'object' ? 'key' : 'value';
          continue;
        }
        if ((character === '}' && container === 'object') || (character === ']' && container === 'array')) {
          offset += 1;
          containers.pop();
          afterValue();
          continue;
        }
        return fail(`expected ',' or '${container === 'object' ? '}' : ']'}', found ${describe(character)}`);
      }
      case 'key':
      case 'key-or-close': {
        if (character === '}' && expecting === 'key-or-close') {
          offset += 1;
          containers.pop();
          afterValue();
          continue;
        }
        if (character !== '"') {
          return fail(
            expecting === 'key' && character === '}'
              ? "trailing comma before '}'"
              : `expected a double-quoted property name, found ${describe(character)}`,
          );
        }
        const problem = scanString();
        if (problem) return problem;
        expecting = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (character === ']' && expecting === 'value-or-close') {
          offset += 1;
          containers.pop();
          afterValue();
          continue;
        }
        if (character === '{') {
          offset += 1;
          containers.push('object');
          expecting = 'key-or-close';
          continue;
        }
        if (character === '[') {
          offset += 1;
          containers.push('array');
          expecting = 'value-or-close';
          continue;
        }
        if (character === '"') {
          const problem = scanString();
          if (problem) return problem;
          afterValue();
          continue;
        }
        NUMBER_PATTERN.lastIndex = offset;
        if (NUMBER_PATTERN.test(text) && NUMBER_PATTERN.lastIndex > offset) {
          offset = NUMBER_PATTERN.lastIndex;
          afterValue();
          continue;
        }
        const literal = LITERALS.find((word) => text.startsWith(word, offset));
        if (literal) {
          offset += literal.length;
          afterValue();
          continue;
        }
        if (character === ']' && containers[containers.length - 1] === 'array')
          return fail("trailing comma before ']'");
        return fail(`unexpected ${describe(character)} where a value should be`);
      }
    }
  }
}
