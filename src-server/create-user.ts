/**
 * `npm run server:user -- --name NAME --role ROLE [--id ID]`: creates a user in DATABASE_URL's database (without
 * DATABASE_URL, in the local PostgreSQL `npm run server` uses then: local-database.ts). The
 * password comes from the PASSWORD environment variable or is asked for (never from the command line, where
 * it would stay in the shell history and the process list).
 * `--revoke-sessions NAME` ends every session of a user, `--disable NAME` also stops them signing in again,
 * `--enable NAME` lets them sign in again. Servers hear of it at once: the user's live streams close and the
 * next pull or push is refused.
 */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createUser, ROLES, setUserAccess } from './auth'
import { createPool, migrate } from './db'
import { localDatabaseNotice, openLocalDatabase, type LocalDatabase } from './local-database'

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
  // Echo nothing of what is typed: readline writes through _writeToOutput, which we silence after the prompt.
  const muted = rl as unknown as { _writeToOutput: (s: string) => void }
  let prompted = false
  muted._writeToOutput = (s: string) => {
    if (!prompted) process.stdout.write(s)
  }
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
    prompted = true
  })
}

const ACCESS = {
  'revoke-sessions': { change: 'revokeSessions', done: 'Ended {n} session(s) of {name}.' },
  disable: { change: 'disable', done: 'Disabled {name} and ended {n} session(s).' },
  enable: { change: 'enable', done: 'Enabled {name}: they can sign in again.' },
} as const

/** `--disable NAME`, `--enable NAME`, `--revoke-sessions NAME`. */
async function changeAccess(databaseUrl: string, flag: keyof typeof ACCESS, name: string) {
  const pool = createPool(databaseUrl, 1)
  try {
    await migrate(pool)
    const ended = await setUserAccess(pool, name, ACCESS[flag].change)
    if (ended === undefined) {
      console.error(`No user is named ${name}.`)
      return 1
    }
    console.log(ACCESS[flag].done.replace('{name}', name).replace('{n}', String(ended)))
    return 0
  } catch (e) {
    console.error((e as Error).message)
    return 1
  } finally {
    await pool.end()
  }
}

/** DATABASE_URL, or the local database (started for this command if the server is not running). */
async function database(): Promise<{ url: string; local?: LocalDatabase } | undefined> {
  const url = process.env.DATABASE_URL
  if (url) return { url }
  try {
    const local = await openLocalDatabase()
    console.log(localDatabaseNotice(local))
    return { url: local.url, local }
  } catch (e) {
    console.error((e as Error).message)
    return undefined
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      disable: { type: 'string' },
      enable: { type: 'string' },
      'revoke-sessions': { type: 'string' },
    },
  })
  const flags = (Object.keys(ACCESS) as Array<keyof typeof ACCESS>).filter(
    (f) => values[f] !== undefined,
  )
  const flag = flags[0]
  const access = flag && flags.length === 1 && !values.name && !values.role
  if (!access && (flags.length > 0 || !values.name || !values.role)) {
    console.error(
      [
        'Usage: [DATABASE_URL=...] [PASSWORD=...] npm run server:user -- --name NAME --role ' +
          `${ROLES.join('|')} [--id ID]`,
        '       [DATABASE_URL=...] npm run server:user -- --disable NAME | --enable NAME | --revoke-sessions NAME',
        'Without DATABASE_URL: the local PostgreSQL of `npm run server` without DATABASE_URL.',
      ].join('\n'),
    )
    return 2
  }
  const password =
    access || !values.name
      ? ''
      : (process.env.PASSWORD ?? (await ask(`Password for ${values.name}: `)))
  const db = await database()
  if (!db) return 1
  try {
    if (access) return await changeAccess(db.url, flag, values[flag] ?? '')
    return await createNamed(db.url, { ...values, password })
  } finally {
    await db.local?.stop()
  }
}

/** Creates the user of `--name`, `--role`, `--id`. */
async function createNamed(
  databaseUrl: string,
  values: { name?: string; role?: string; id?: string; password: string },
): Promise<number> {
  const password = values.password
  const pool = createPool(databaseUrl, 1)
  try {
    await migrate(pool)
    const user = await createUser(pool, {
      name: values.name ?? '',
      role: values.role ?? '',
      password,
      ...(values.id ? { id: values.id } : {}),
    })
    console.log(`Created ${user.role} ${user.name} (id ${user.id}).`)
    return 0
  } catch (e) {
    const error = e as Error & { code?: string }
    console.error(
      error.code === '23505' ? `A user named ${values.name} already exists.` : error.message,
    )
    return 1
  } finally {
    await pool.end()
  }
}

// An explicit exit: the local database's package hooks the process's exit, and would end it with code 0.
process.exit(await main())
