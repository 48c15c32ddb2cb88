/**
 * The import graph of the source folders and its cycles. Every `import`, `export … from` and `import()` counts,
 * type-only ones too (a type cycle still ties the modules together for a reader and for the type checker), in
 * .ts, .mts and .vue files; specifiers are resolved like the bundler does: relative paths, the `@core/` and
 * `@renderer/` aliases, an omitted `.ts`/`.vue` extension and a folder's `index.ts`. Packages are not followed.
 * `scripts/import-cycles.test.ts` runs it on the tree in `npm test`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

export type ImportGraph = Map<string, string[]>

const SOURCE = /\.(ts|mts|vue)$/
const IMPORT =
  /(?:^|[^\w.$])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]*?\s*from\s*)?['"]([^'"\n]+)['"]|import\(\s*['"]([^'"\n]+)['"]\s*\)/g
const CANDIDATES = ['', '.ts', '.mts', '.vue', '/index.ts']

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return SOURCE.test(entry.name) ? [path] : []
  })
}

/** The specifiers a file imports, comments left out (an @example in a doc comment imports nothing). */
export function importSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  return [...code.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '').filter(Boolean)
}

function resolveSpecifier(
  root: string,
  from: string,
  spec: string,
  aliases: Record<string, string>,
): string | undefined {
  let base: string | undefined
  if (spec.startsWith('./') || spec.startsWith('../')) base = resolve(dirname(from), spec)
  for (const [alias, folder] of Object.entries(aliases)) {
    if (spec.startsWith(`${alias}/`)) base = resolve(root, folder, spec.slice(alias.length + 1))
  }
  if (!base) return undefined
  for (const ending of CANDIDATES) {
    const path = base + ending
    if (existsSync(path) && statSync(path).isFile()) return path
  }
  return undefined
}

/**
 * The import graph of `folders` under `root`, keyed by paths relative to `root` with `/` separators.
 *
 * @param aliases - alias → folder relative to root, e.g. `{ '@core': 'src-core' }`
 */
export function importGraph(
  root: string,
  folders: readonly string[],
  aliases: Record<string, string>,
): ImportGraph {
  const key = (path: string) => relative(root, path).split(sep).join('/')
  const graph: ImportGraph = new Map()
  for (const file of folders.flatMap((f) => sourceFiles(join(root, f)))) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .map((spec) => resolveSpecifier(root, file, spec, aliases))
      .filter((path): path is string => path !== undefined && SOURCE.test(path))
    graph.set(key(file), [...new Set(targets.map(key))])
  }
  return graph
}

/**
 * Every cycle of the graph, one per strongly connected component (Tarjan), each as the path that walks it:
 * `['a.ts', 'b.ts', 'a.ts']`. An empty list means the graph is acyclic.
 */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const edges = (node: string) => (graph.get(node) ?? []).filter((n) => graph.has(n))

  function connect(node: string): void {
    index.set(node, counter)
    low.set(node, counter)
    counter += 1
    stack.push(node)
    onStack.add(node)
    for (const next of edges(node)) {
      if (!index.has(next)) {
        connect(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1 || edges(node).includes(node)) components.push(component)
  }

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node)
  return components.map((component) => walk(component.sort(), edges))
}

/** A path from the component's first file back to itself, through files of the component only. */
function walk(component: string[], edges: (node: string) => string[]): string[] {
  const start = component[0]!
  const inside = new Set(component)
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()!
    for (const next of edges(node)) {
      if (!inside.has(next)) continue
      if (next === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!)
        return [...path, start]
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, node)
        queue.push(next)
      }
    }
  }
  return [...component, start]
}
