/**
 * Reads an imported layer's features (the GeoJSON the import worker exports) and groups them by
 * national class, off the main thread: a 三调 file has tens of thousands of parcels. The last
 * layer parsed is kept, so switching level, column or standard does not parse it again.
 */
import type { FeatureCollection } from 'geojson';
import { classifyLandUse } from '../analysis/land-use-classes.ts';
import { detectCodeColumns } from '../analysis/land-use-standard-detection.ts';
import type { LandUseClassReply, LandUseClassRequest } from './land-use-classes-protocol.ts';

let cached: { dataKey: string; collection: Promise<FeatureCollection> } | null = null;

async function collectionOf(request: LandUseClassRequest): Promise<FeatureCollection> {
  if (cached?.dataKey !== request.dataKey) {
    cached = {
      dataKey: request.dataKey,
      collection: request.data.text().then((text) => JSON.parse(text) as FeatureCollection),
    };
  }
  return cached.collection;
}

async function answer(request: LandUseClassRequest): Promise<LandUseClassReply> {
  const collection = await collectionOf(request);
  if (request.task.kind === 'detect') {
    return {
      requestId: request.requestId,
      ok: true,
      kind: 'detect',
      columns: detectCodeColumns(collection, request.task.fields),
    };
  }
  const { field, level, standard } = request.task;
  return {
    requestId: request.requestId,
    ok: true,
    kind: 'classify',
    statistics: classifyLandUse(collection, { field, level, standard }),
  };
}

globalThis.addEventListener('message', (event: MessageEvent<LandUseClassRequest>) => {
  const request = event.data;
  answer(request)
    .catch((error: unknown): LandUseClassReply => {
      cached = null;
      return {
        requestId: request.requestId,
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
      };
    })
    .then((reply) => globalThis.postMessage(reply));
});
