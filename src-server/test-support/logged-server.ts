/**
 * `src-server/main.ts` in a process of its own with the environment a test gives it (limits, TRUST_PROXY), its
 * JSON log lines kept for the test to count (each checked password ends in a `login` or `login refused` line).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

export interface LoggedServer {
  child: ChildProcess
  url: string
  /** The log lines so far, parsed. */
  logs(): Array<Record<string, unknown>>
  /** SIGKILL; resolves once the process is gone. */
  stop(): Promise<void>
}

/** Starts the server on a free port and resolves once it listens. */
export async function startLoggedServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<LoggedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000)
    const look = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (!match?.[1]) return
      clearTimeout(timer)
      child.stdout.off('data', look)
      resolve(match[1])
    }
    child.stdout.on('data', look)
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)))
  })
  return {
    child,
    url,
    logs: () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = once(child, 'exit')
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** POST /auth/login from `address` (sent as X-Forwarded-For; the server believes it only when told to). */
export function loginAs(url: string, name: string, password: string, address?: string) {
  return fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(address ? { 'x-forwarded-for': address } : {}),
    },
    body: JSON.stringify({ name, password }),
  })
}

/** How many passwords of `name` the server checked: each check ends in `login` or a refused one. */
export function passwordsChecked(server: LoggedServer, name: string, userId = name): number {
  return server
    .logs()
    .filter(
      (l) =>
        (l.msg === 'login' && l.user === userId) ||
        (l.msg === 'login refused' && l.name === name && l.error === 'invalidCredentials'),
    ).length
}
