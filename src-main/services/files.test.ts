import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileService, FileAccessError, type FileService } from './files'

let base: string
let data: string
let files: FileService

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'fieldbill-files-'))
  data = join(base, 'data')
  await mkdir(data)
  files = createFileService({ roots: [data] })
})
afterEach(() => rm(base, { recursive: true, force: true }))

describe('file service', () => {
  it('writes inside the data folder atomically, creating folders and leaving no temporary file', async () => {
    const target = join(data, 'outbox', 'a.json')
    await files.writeAtomic(target, '{"a":1}')
    await files.writeAtomic(target, '{"a":2}')
    expect(await readFile(target, 'utf8')).toBe('{"a":2}')
    expect(await readdir(join(data, 'outbox'))).toEqual(['a.json'])
    expect((await files.read(target)).toString()).toBe('{"a":2}')
    expect(await files.list(join(data, 'outbox'))).toEqual([{ name: 'a.json', size: 7 }])
    expect(await files.list(join(data, 'nothing-yet'))).toEqual([])
  })

  it('writes a path chosen in a dialog, and refuses every other path outside the data folder', async () => {
    const chosen = join(base, 'Documents', 'Invoice 1.pdf')
    await mkdir(join(base, 'Documents'))
    await expect(files.writeAtomic(chosen, 'x')).rejects.toBeInstanceOf(FileAccessError)
    files.allowChosenPath(chosen)
    await files.writeAtomic(chosen, new Uint8Array([1, 2, 3]))
    expect([...(await readFile(chosen))]).toEqual([1, 2, 3])
    await expect(files.writeAtomic(join(base, 'Documents', 'other.pdf'), 'x')).rejects.toThrow(
      /only where you chose/,
    )
  })

  it('refuses relative paths, dot segments and NUL', async () => {
    for (const bad of [
      'relative.txt',
      `${data}/../escape.txt`,
      `${data}/./a.txt`,
      `${data}/a\0b`,
      '',
    ]) {
      await expect(files.writeAtomic(bad, 'x'), bad).rejects.toBeInstanceOf(FileAccessError)
    }
    expect(() => files.allowChosenPath('../x.pdf')).toThrow(FileAccessError)
  })

  it('refuses a symlinked subfolder that leads out of the data folder', async () => {
    const outside = join(base, 'outside')
    await mkdir(outside)
    await symlink(outside, join(data, 'link'))
    await expect(files.writeAtomic(join(data, 'link', 'a.txt'), 'x')).rejects.toThrow(
      /outside the app folder/,
    )
    expect(await readdir(outside)).toEqual([])
  })

  it('does not overwrite a symlink planted at the target, even a chosen one', async () => {
    const victim = join(base, 'victim.txt')
    await writeFile(victim, 'keep')
    await symlink(victim, join(data, 'evil.json'))
    await expect(files.writeAtomic(join(data, 'evil.json'), 'x')).rejects.toThrow(/link/)
    const chosen = join(base, 'chosen.pdf')
    await symlink(victim, chosen)
    files.allowChosenPath(chosen)
    await expect(files.writeAtomic(chosen, 'x')).rejects.toThrow(/link/)
    expect(await readFile(victim, 'utf8')).toBe('keep')
  })

  it('deletes only inside the app folder', async () => {
    const target = join(data, 'a.txt')
    await files.writeAtomic(target, 'x')
    await files.remove(target)
    await files.remove(target)
    expect(await readdir(data)).toEqual([])
    await expect(files.remove(join(base, 'x'))).rejects.toBeInstanceOf(FileAccessError)
    await expect(files.list(base)).rejects.toBeInstanceOf(FileAccessError)
  })
})
