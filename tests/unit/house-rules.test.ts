/**
 * House rules kept by a test (issue 13): a file in src/ over 350 lines says at its top why it
 * stays whole, so a big room is a decision someone wrote down, not an accident.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LONGEST_LINES = 350;
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const sourceDirectory = join(projectRoot, 'src');

function sourceFiles(): string[] {
  return readdirSync(sourceDirectory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('files in src/', () => {
  it(`over ${LONGEST_LINES} lines say in their top comment why they stay whole`, () => {
    const unexplained = sourceFiles().flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      if (lines <= LONGEST_LINES) return [];
      const topComment = text.startsWith('/**') ? text.slice(0, text.indexOf('*/')) : '';
      return /Stays whole/.test(topComment) ? [] : [`${relative(projectRoot, file)} (${lines} lines)`];
    });
    expect(unexplained).toEqual([]);
  });
});
