/**
 * The engine a run of the journeys drives: `ENGINE=gecko` or `ENGINE=webkit` (scripts/run-tests.ts
 * runs them one after another, one browser at a time).
 */
import { inject } from 'vitest';
import { fontconfigWithoutCjkFonts } from '../e2e/font-environments.ts';
import { ENGINE_NAMES, type Engine, type EngineApp, type EngineName, type OpenOptions } from './engine.ts';
import { gecko } from './gecko.ts';
import { webkit } from './webkit.ts';

const ENGINES: Record<EngineName, Engine> = { gecko, webkit };

export function selectedEngine(): Engine {
  const name = process.env['ENGINE'] ?? '';
  if (!(ENGINE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`ENGINE=${JSON.stringify(name)}: set ENGINE to one of ${ENGINE_NAMES.join(', ')}`);
  }
  return ENGINES[name as EngineName];
}

/** Opens the built app (served by tests/e2e/global-setup.ts) in a fresh browser of the selected engine. */
export async function openEngineApp(options: Partial<OpenOptions> = {}): Promise<EngineApp> {
  const engine = selectedEngine();
  const reason = engine.unavailableReason();
  if (reason) throw new Error(`${engine.name} cannot run here: ${reason}`);
  // The device without a CJK font, as in npm test, also when the journeys are run on their own:
  // geckodriver and WebKitWebDriver start their browsers with this process's environment.
  process.env['FONTCONFIG_FILE'] ??= fontconfigWithoutCjkFonts();
  return engine.open({ baseUrl: inject('previewUrl'), ...options });
}
