/**
 * A throwaway PostgreSQL 15 + PostGIS 3 server for the tests: `initdb` in a fresh temporary
 * directory, started on 127.0.0.1 at a free port (its socket in the same directory, so nothing
 * outside it is touched), `CREATE EXTENSION postgis`, and stopped and deleted afterwards.
 *
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user that
 * Debian's package creates and every server command goes through `runuser -u postgres`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** What the PostGIS tests need from Debian, why, and a file that shows it is installed. */
export const POSTGIS_PACKAGES: { name: string; why: string; provides: string }[] = [
  {
    name: 'postgresql-15',
    why: 'the database server the tests start on loopback in a temporary directory',
    provides: join(POSTGRES_BIN, 'initdb'),
  },
  {
    name: 'postgresql-15-postgis-3',
    why: 'PostGIS 3 for it: ST_Area(geography) on the spheroid, ST_Union',
    provides: '/usr/share/postgresql/15/extension/postgis.control',
  },
  { name: 'gdal-bin', why: 'ogr2ogr, the loader behind stats --postgis --load', provides: '/usr/bin/ogr2ogr' },
];

export interface Cluster {
  /** libpq URI of the test database, on loopback. */
  connection: string;
  directory: string;
  stop: () => void;
}

/** Why the tests cannot run here (the packages missing), or null when everything is in place. */
export function missingPostgres(): string | null {
  const absent = POSTGIS_PACKAGES.filter((entry) => !existsSync(entry.provides));
  return absent.length === 0
    ? null
    : `${absent.map((entry) => entry.provides).join(', ')} missing (apt-get install ${absent.map((entry) => entry.name).join(' ')})`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary as the cluster's owner; throws with its output when it fails. */
function asOwner(binary: string, args: string[]): string {
  const command = asRoot ? 'runuser' : join(POSTGRES_BIN, binary);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', join(POSTGRES_BIN, binary), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0)
    throw new Error(`${binary} failed: ${(result.error?.message ?? `${result.stdout}\n${result.stderr}`).trim()}`);
  return result.stdout;
}

export async function startCluster(): Promise<Cluster> {
  const problem = missingPostgres();
  if (problem) throw new Error(`PostgreSQL with PostGIS is not installed: ${problem}`);
  const directory = mkdtempSync(join(tmpdir(), 'postgis-test-'));
  if (asRoot) {
    const ids = (name: string) => Number(execFileSync('id', [name, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(directory, ids('-u'), ids('-g'));
  }
  const data = join(directory, 'data');
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) {
      try {
        asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch (error) {
        console.error(String(error));
      }
      started = false;
    }
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    // Trust on loopback only, no fsync: a disposable server for one test run.
    asOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    asOwner('pg_ctl', [
      '-D',
      data,
      '-l',
      join(directory, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${directory} -c fsync=off -c full_page_writes=off`,
      'start',
    ]);
    started = true;
    const psql = (database: string, sql: string) =>
      asOwner('psql', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-qAt',
        '-c',
        sql,
      ]);
    psql('postgres', 'CREATE DATABASE stats_test');
    psql('stats_test', 'CREATE EXTENSION postgis');
    return { connection: `postgresql://postgres@127.0.0.1:${port}/stats_test`, directory, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
