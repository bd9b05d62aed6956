/**
 * Whether the browser's "device" has a CJK font, decided per browser by the fontconfig file chromium
 * starts with (`launchBrowser({ fontconfigFile })` in harness.ts), so nothing is installed
 * system-wide and every other test keeps the machine it expects:
 *
 *   fontconfigWithoutCjkFonts()   the machine's fonts less every one that has 一 (a Debian machine with
 *                                 ghostscript has Droid Sans Fallback, for one): the device that needs
 *                                 the shipped subset, which every browser test gets unless it asks
 *   fontconfigWithCjkTestFont()   the same plus WenQuanYi Micro Hei, unpacked from Debian's
 *                                 fonts-wqy-microhei (1.6 MB) under node_modules/.cache/test-fonts/
 *                                 by `ensureCjkTestFont()` (scripts/run-tests.ts calls it first)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const projectRoot = join(import.meta.dirname, '..', '..');

/** The Debian package, the family name it installs (one of src/map/font-choice.ts's), and its file. */
export const CJK_TEST_FONT = {
  debianPackage: 'fonts-wqy-microhei',
  family: 'WenQuanYi Micro Hei',
  file: join('usr', 'share', 'fonts', 'truetype', 'wqy', 'wqy-microhei.ttc'),
} as const;

const unpackedDirectory = join(projectRoot, 'node_modules', '.cache', 'test-fonts', CJK_TEST_FONT.debianPackage);
const fontDirectory = join(unpackedDirectory, 'usr', 'share', 'fonts');

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.trim()}`);
  }
}

/**
 * Downloads the package with apt-get (Debian's mirror, the only host involved) and unpacks it with
 * dpkg -x, once: later calls find it in place. Returns the directory holding the font.
 */
export function ensureCjkTestFont(): string {
  if (existsSync(join(unpackedDirectory, CJK_TEST_FONT.file))) return fontDirectory;
  const work = mkdtempSync(join(tmpdir(), 'cjk-test-font-'));
  try {
    run('flock', ['/tmp/apt.lock', 'apt-get', 'download', '-qq', CJK_TEST_FONT.debianPackage], work);
    const deb = readdirSync(work).find((name) => name.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${CJK_TEST_FONT.debianPackage} left no .deb`);
    const staging = join(work, 'unpacked');
    run('dpkg', ['-x', deb, staging], work);
    mkdirSync(join(unpackedDirectory, '..'), { recursive: true });
    rmSync(unpackedDirectory, { recursive: true, force: true });
    // A rename, so a test running beside this never sees half a directory.
    renameSync(staging, unpackedDirectory);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return fontDirectory;
}

function writeFontconfig(name: string, extraFontDirectory: string | null): string {
  // Accepted by family: fontconfig checks accepted patterns before rejected ones (a glob would not do).
  const accept = extraFontDirectory
    ? `<dir>${extraFontDirectory}</dir>
  <selectfont><acceptfont><pattern><patelt name="family"><string>${CJK_TEST_FONT.family}</string></patelt></pattern></acceptfont></selectfont>`
    : '';
  const text = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${accept}
  <!-- Every font that has 一 (U+4E00) is a CJK font: none of the machine's is seen. -->
  <selectfont><rejectfont><pattern><patelt name="charset"><charset><int>0x4e00</int></charset></patelt></pattern></rejectfont></selectfont>
</fontconfig>
`;
  // Named by its content: every process writing it writes the same bytes, and nothing piles up in /tmp.
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const file = join(tmpdir(), `luzhou-fonts-${name}-${digest}.conf`);
  if (!existsSync(file)) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  }
  return file;
}

/** A fontconfig file for a device with no CJK font. */
export function fontconfigWithoutCjkFonts(): string {
  return writeFontconfig('without-cjk', null);
}

/** A fontconfig file for a device whose only CJK font is `CJK_TEST_FONT` (call `ensureCjkTestFont()` first). */
export function fontconfigWithCjkTestFont(): string {
  return writeFontconfig('with-cjk', fontDirectory);
}
