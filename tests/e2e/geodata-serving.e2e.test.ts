/**
 * The preview server sends the layer files gzipped, as a static host configured for JSON would:
 * Vite's own compression skips `application/geo+json`, which left a third of the first load raw.
 * The bytes a client decodes must be exactly the shipped file, compressed or not.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { builtAppDirectory, previewUrl } from './harness.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('layer files from the preview server', () => {
  const layerFile = 'districts.geojson';

  test('are gzipped for a client that accepts gzip, and decode to the shipped file', async () => {
    const shipped = readFileSync(join(builtAppDirectory(), 'geodata', layerFile));
    const response = await get(`${previewUrl()}geodata/${layerFile}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.body.byteLength).toBeLessThan(shipped.byteLength / 2);
    expect(gunzipSync(response.body).equals(shipped)).toBe(true);
  });

  test('come as they are for a client that does not', async () => {
    const shipped = readFileSync(join(builtAppDirectory(), 'geodata', layerFile));
    const response = await get(`${previewUrl()}geodata/${layerFile}`, { 'accept-encoding': 'identity' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.equals(shipped)).toBe(true);
  });
});
