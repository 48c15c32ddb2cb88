/**
 * The one door through which main writes files. A target is accepted only when it lies inside one of the app's
 * own folders (data folder, backup folder) or is exactly a path the rep chose in a dialog main opened during this
 * session. Paths from the renderer are never trusted: no channel carries one, and this check is the second line.
 *
 * Every write is atomic: a temporary file in the same folder, fsync, rename over the target, fsync the folder.
 * A crash leaves either the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, readdir, readFile, realpath, rename, rm } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { UserFacingError } from './errors'

/** A refused path, in words fit for the rep (the IPC router passes them on). */
export class FileAccessError extends UserFacingError {
  constructor(message: string) {
    super(message)
    this.name = 'FileAccessError'
  }
}

export interface FileService {
  /** Records a path returned by a save or open dialog, so it may be written or read in this session. */
  allowChosenPath(path: string): string
  /** Writes `data` to `path` atomically; `path` must pass the checks above. */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>
  /** Reads a file inside one of the app's own folders, or one the rep chose in a dialog. */
  read(path: string): Promise<Buffer>
  /** Lists the files in a folder of the app's own (none when the folder does not exist yet). */
  list(folder: string): Promise<FileEntry[]>
  /** Deletes a file inside one of the app's own folders; a missing file is not an error. */
  remove(path: string): Promise<void>
}

export interface FileEntry {
  name: string
  size: number
}

export interface FileServiceOptions {
  /** Folders the app owns: the data folder, the backup folder. Created on first write. */
  roots: string[]
}

function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep)
}

/** Refuses anything but a plain absolute path: no NUL, no `.`/`..` segments, nothing normalisation would change. */
function plainAbsolute(path: string): string {
  if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || path.includes('\0'))
    throw new FileAccessError('That is not a file path.')
  if (!isAbsolute(path)) throw new FileAccessError('Only absolute paths are written.')
  if (path.split(/[\\/]/).some((s) => s === '..' || s === '.'))
    throw new FileAccessError('A path with "." or ".." segments is refused.')
  const normal = resolve(path)
  if (normal !== path.replace(/[\\/]+$/, '')) throw new FileAccessError('That path is not normal.')
  return normal
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

export function createFileService(options: FileServiceOptions): FileService {
  const roots = options.roots.map(plainAbsolute)
  const chosen = new Set<string>()

  function ownRoot(path: string): string | undefined {
    return roots.find((root) => isInside(path, root) && path !== root)
  }

  /**
   * The folder of an own-folder target must resolve (through any symlinks) inside the root's real path: a
   * symlinked subfolder pointing elsewhere is refused.
   */
  async function checkOwnFolder(path: string, root: string, create: boolean): Promise<void> {
    const folder = dirname(path)
    if (create) await mkdir(folder, { recursive: true, mode: 0o700 })
    const [realFolder, realRoot] = await Promise.all([realpath(folder), realpath(root)])
    if (!isInside(realFolder, realRoot))
      throw new FileAccessError('That folder leads outside the app folder.')
  }

  /** Checks a target and returns its normal form; refuses a symlink or anything but a regular file there. */
  async function checkTarget(path: string, forWrite = false): Promise<string> {
    const target = plainAbsolute(path)
    const root = ownRoot(target)
    if (root) await checkOwnFolder(target, root, forWrite)
    else if (!chosen.has(target))
      throw new FileAccessError('Files are written only where you chose, or in the app folder.')
    const existing = await lstatOrNull(target)
    if (existing && !existing.isFile())
      throw new FileAccessError('The target is a link or a folder; it was not overwritten.')
    return target
  }

  return {
    allowChosenPath(path) {
      const target = plainAbsolute(path)
      if (basename(target).length === 0) throw new FileAccessError('No file name was chosen.')
      chosen.add(target)
      return target
    },

    async writeAtomic(path, data) {
      const target = await checkTarget(path, true)
      const folder = dirname(target)
      const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
      // 'wx' creates exclusively: it fails rather than follow a symlink planted under the temporary name.
      const handle = await open(temp, 'wx', 0o600)
      try {
        await handle.writeFile(data)
        await handle.sync()
      } catch (e) {
        await handle.close()
        await rm(temp, { force: true })
        throw e
      }
      await handle.close()
      try {
        await rename(temp, target)
      } catch (e) {
        await rm(temp, { force: true })
        throw e
      }
      await syncFolder(folder)
    },

    async read(path) {
      return readFile(await checkTarget(path))
    },

    async list(folder) {
      const normal = plainAbsolute(folder)
      if (!roots.some((root) => isInside(normal, root)))
        throw new FileAccessError('Only the app folders are listed.')
      try {
        const entries = (await readdir(normal, { withFileTypes: true })).filter((e) => e.isFile())
        const sizes = await Promise.all(entries.map((e) => lstat(join(normal, e.name))))
        return entries.map((e, i) => ({ name: e.name, size: sizes[i]?.size ?? 0 }))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw e
      }
    },

    async remove(path) {
      const target = plainAbsolute(path)
      if (!ownRoot(target)) throw new FileAccessError('Only files in the app folder are deleted.')
      await rm(await checkTarget(target), { force: true })
    },
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; there the rename must do. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
