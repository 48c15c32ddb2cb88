#!/usr/bin/env node
// Serves the built renderer (out/renderer, or $FIELDBILL_RENDERER_OUT) on 127.0.0.1 at $PORT, as `npm run web` and the end-to-end tests use
// it. Same CSP as the desktop's app:// protocol; paths that try to leave the folder are refused.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('..', import.meta.url))
// FIELDBILL_RENDERER_OUT: the same override as electron.vite.config.ts, relative to the repository.
const root = resolve(repo, process.env.FIELDBILL_RENDERER_OUT ?? 'out/renderer')
const port = Number(process.env.PORT ?? 5180)
const host = '127.0.0.1'
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

try {
  await stat(resolve(root, 'index.html'))
} catch {
  console.error(`No built renderer in ${root}. Run \`npm run build\` first.`)
  process.exit(1)
}

/** An asset of the build, named with its content hash (Vite's `assets/<name>-<hash>.<ext>`). */
const HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/

const server = createServer(async (req, res) => {
  let pathname
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', `http://${host}`).pathname)
  } catch {
    res.writeHead(400).end('bad request')
    return
  }
  if (pathname.includes('\0') || pathname.split('/').includes('..')) {
    res.writeHead(403).end('forbidden')
    return
  }
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`)
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden')
    return
  }
  try {
    const body = await readFile(file)
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      // The build names every asset by a hash of its content, so a name never stands for other content: the
      // browser keeps them (and the code it compiled from them) across reloads. index.html names the current
      // assets and is asked for again each time.
      'cache-control': HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    res.end(body)
  } catch {
    res.writeHead(404).end('not found')
  }
})

server.listen(port, host, () => {
  const address = server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  console.log(`Fieldbill (web) at http://${host}:${actual}/`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
