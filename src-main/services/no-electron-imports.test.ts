import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Main-process services are plain Node modules so that they run in tests without the Electron binary; the
// Electron calls stay in the thin adapters (index.ts, window.ts, menu.ts).
const dir = import.meta.dirname

describe('service modules', () => {
  it('never import electron directly', () => {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    )
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8')
      expect(text, file).not.toMatch(/from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/)
    }
  })
})
