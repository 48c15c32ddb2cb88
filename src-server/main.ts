/**
 * `npm run server`: applies migrations, then serves on HOST:PORT (default 127.0.0.1:8787) against DATABASE_URL,
 * and prints its URL. Without DATABASE_URL it starts the local PostgreSQL of local-database.ts (for trying
 * Fieldbill on one machine) and says where its data is. SIGTERM and SIGINT stop it gracefully: no new
 * connections, live streams closed, requests in flight finished (a push either commits whole or not at all),
 * then the pool is closed, and a local PostgreSQL this process started is stopped.
 */
import { buildApp } from './app'
import { corsOriginsFromEnv } from './cors'
import { createPool, migrate } from './db'
import { authFromEnv, limitsFromEnv, trustProxyFromEnv } from './limits'
import { localDatabaseNotice, openLocalDatabase, type LocalDatabase } from './local-database'

let limits, auth
try {
  limits = limitsFromEnv(process.env)
  auth = authFromEnv(process.env)
} catch (e) {
  console.error((e as Error).message)
  process.exit(1)
}

let local: LocalDatabase | undefined
let databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  try {
    local = await openLocalDatabase()
  } catch (e) {
    console.error((e as Error).message)
    process.exit(1)
  }
  console.log(localDatabaseNotice(local))
  databaseUrl = local.url
}
const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? '127.0.0.1'

const pool = createPool(databaseUrl, Number(process.env.PG_POOL_SIZE ?? 10), (e) =>
  app.log.warn({ err: e.message }, 'idle database connection lost'),
)
const app = buildApp({
  pool,
  databaseUrl,
  corsOrigins: corsOriginsFromEnv(process.env.WEB_ORIGIN, process.env.CORS_ORIGINS),
  limits,
  auth,
  trustProxy: trustProxyFromEnv(process.env.TRUST_PROXY),
})

try {
  const applied = await migrate(pool)
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied')
  const address = await app.listen({ host, port })
  console.log(`Fieldbill sync server listening on ${address}`)
} catch (e) {
  app.log.fatal({ err: e }, 'could not start')
  await pool.end().catch(() => undefined)
  await local?.stop().catch(() => undefined)
  process.exit(1)
}

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  app.log.info({ signal }, 'shutting down')
  // A stuck request must not keep the process alive forever.
  const timer = setTimeout(() => process.exit(1), 15_000)
  timer.unref()
  try {
    await app.close()
    await pool.end()
    await local?.stop()
    process.exit(0)
  } catch (e) {
    app.log.error({ err: e }, 'unclean shutdown')
    process.exit(1)
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
