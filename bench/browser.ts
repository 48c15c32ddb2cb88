/**
 * What the browser benchmarks share: building a bench page (bench/data/*.html) with Vite, serving folders on
 * 127.0.0.1, the system Chromium with the e2e flags, and the statistics and JSON lines they print.
 */
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { pathAliases } from '../scripts/path-aliases'

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
/** Git-ignored: built pages, browser profiles and the JSON lines of each run. */
export const RESULTS_DIR = resolve(BENCH_DIR, 'results')

/**
 * e2e/chromium.ts, loaded by a computed specifier: tsconfig.node.json (which holds bench/) does not list e2e/,
 * and a static import would pull that file into its program.
 */
export async function chromiumSettings(): Promise<{ path: string | undefined; args: string[] }> {
  const specifier = '../e2e/chromium'
  const mod = (await import(/* @vite-ignore */ specifier)) as {
    chromiumPath(): string | undefined
    CHROMIUM_ARGS: string[]
  }
  return { path: mod.chromiumPath(), args: mod.CHROMIUM_ARGS }
}

/**
 * Builds one page of bench/data/ into `outDir`.
 *
 * @param html - the page's file in bench/data/ (its script is the page's entry)
 * @param base - the path the page is served under
 * @param minify - off for a CPU profile that names functions
 */
export async function buildBenchPage(
  html: string,
  outDir: string,
  base = '/',
  minify = true,
): Promise<void> {
  const root = join(BENCH_DIR, 'data')
  await build({
    configFile: false,
    root,
    base,
    logLevel: 'warn',
    resolve: { alias: pathAliases(resolve(BENCH_DIR, '..')) },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      reportCompressedSize: false,
      rollupOptions: { input: join(root, html) },
    },
  })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/**
 * Serves folders on 127.0.0.1: each URL prefix ('/' last) maps to a folder; a folder path answers its
 * index.html.
 *
 * @param port - 0 for a free one; a fixed port keeps the origin, and so its IndexedDB, from run to run
 */
export function serve(
  mounts: Record<string, string>,
  port = 0,
): Promise<{ server: Server; url: string }> {
  const entries = Object.entries(mounts).sort(([a], [b]) => b.length - a.length)
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const mount = entries.find(([prefix]) => path.startsWith(prefix))
    if (!mount) return void res.writeHead(404).end()
    const [prefix, folder] = mount
    const rest = path.slice(prefix.length)
    const root = resolve(folder)
    const file = resolve(
      root,
      `./${rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest}`,
    )
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end()
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end(),
    )
  })
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : 0
      done({ server, url: `http://127.0.0.1:${actual}/` })
    })
  })
}

/** The issue's company: 50,000 invoices of 5 lines, about 23,000 payments, 2,000 customers. */
export const FULL_INVOICES = 50_000

/**
 * How many invoices a benchmark seeds: its own variable if set (`BENCH_DATA_INVOICES`, …), else
 * `BENCH_INVOICES` for the whole run (a small size checks every harness quickly), else FULL_INVOICES. The
 * figures the targets speak of are those of FULL_INVOICES.
 *
 * @throws naming the variable, when its value is not a whole number above 0
 */
export function benchInvoices(ownVariable?: string): number {
  const name =
    ownVariable !== undefined && process.env[ownVariable] !== undefined
      ? ownVariable
      : 'BENCH_INVOICES'
  const value = process.env[name]
  if (value === undefined || value === '') return FULL_INVOICES
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a whole number of invoices above 0, not "${value}"`)
  return n
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)

export const median = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? NaN

/** The nearest-rank 95th percentile. */
export const p95 = (xs: readonly number[]) =>
  sorted(xs)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? NaN

export const round2 = (x: number) => Math.round(x * 100) / 100

/** The load average of the machine, printed beside figures taken while others work on it. */
export async function loadAverage(): Promise<number[]> {
  const { loadavg } = await import('node:os')
  return loadavg().map(round2)
}

/** A V8 CPU profile as CDP's `Profiler.stop` answers it (the fields read here). */
export interface CpuProfile {
  nodes: Array<{
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
    hitCount?: number
  }>
  startTime: number
  endTime: number
  samples?: number[]
}

/**
 * The functions that took the most time of their own in a CPU profile (the profile that explains a slow figure):
 * name, file and line, and milliseconds.
 */
export function topFunctions(profile: CpuProfile, n = 12): Array<{ fn: string; ms: number }> {
  const samples = profile.samples?.length ?? 0
  if (samples === 0) return []
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / samples
  const self = new Map<string, number>()
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    const file = url.split('/').at(-1) ?? ''
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * msPerSample)
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, ms]) => ({ fn, ms: round2(ms) }))
}
