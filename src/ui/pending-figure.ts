import { messages } from '../i18n/index.ts';
import { datasetState } from '../state/app-state.ts';

/** What stands where a measured figure will be: "measuring…", or a dash once measuring has failed. */
export function pendingFigureText(): string {
  const data = datasetState.value;
  return data.status === 'ready' && data.statisticsError ? '—' : messages.value.measuring;
}
