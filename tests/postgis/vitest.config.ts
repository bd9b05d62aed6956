import { defineConfig } from 'vitest/config';

// Tests against a real PostgreSQL 15 + PostGIS 3 that global-setup.ts starts on loopback and removes after.
export default defineConfig({
  test: {
    include: ['tests/postgis/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/postgis/global-setup.ts'],
    // ogr2ogr loads and ST_Union take seconds on a shared 2-core machine; one server, one file at a time.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
