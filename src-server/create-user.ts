/**
 * `npm run server:user -- --name NAME --role ROLE [--id ID]`: creates a user in DATABASE_URL's database. The
 * password comes from the PASSWORD environment variable or is asked for (never from the command line, where
 * it would stay in the shell history and the process list).
 */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createUser, ROLES } from './auth'
import { createPool, migrate } from './db'

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

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } },
  })
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl || !values.name || !values.role) {
    console.error(
      `Usage: DATABASE_URL=... [PASSWORD=...] npm run server:user -- --name NAME --role ${ROLES.join('|')} [--id ID]`,
    )
    return 2
  }
  const password = process.env.PASSWORD ?? (await ask(`Password for ${values.name}: `))
  const pool = createPool(databaseUrl, 1)
  try {
    await migrate(pool)
    const user = await createUser(pool, {
      name: values.name,
      role: values.role,
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

process.exitCode = await main()
