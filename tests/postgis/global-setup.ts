/**
 * Starts one throwaway PostgreSQL + PostGIS server for the whole PostGIS suite and stops it after.
 * When the server cannot start, the suite fails with the reason: it is never skipped in silence.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgisConnection: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster();
  project.provide('postgisConnection', cluster.connection);
  return () => cluster.stop();
}
