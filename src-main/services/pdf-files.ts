/**
 * PDFs rendered for email wait in `<data>/pdf/` until the outbox or a draft takes them. The renderer holds only
 * their id (a UUID), never a path. Files older than a day are swept on each write: by then they were either
 * attached (the outbox keeps its own copy) or abandoned.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { UserFacingError } from './errors'
import type { FileService } from './files'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DAY_MS = 24 * 60 * 60 * 1000

export interface PdfFiles {
  save(pdf: Uint8Array): Promise<string>
  read(pdfId: string): Promise<Buffer>
}

export function createPdfFiles(options: {
  dataFolder: string
  files: FileService
  now?: () => number
}): PdfFiles {
  const folder = join(options.dataFolder, 'pdf')
  const now = options.now ?? Date.now
  const { files } = options
  const made = new Map<string, number>()

  async function sweep(): Promise<void> {
    for (const { name } of await files.list(folder)) {
      const id = name.replace(/\.pdf$/, '')
      // Files from an earlier run have no entry: they are at least as old as this run, so they go too.
      if ((made.get(id) ?? 0) < now() - DAY_MS) {
        await files.remove(join(folder, name))
        made.delete(id)
      }
    }
  }

  return {
    async save(pdf) {
      await sweep()
      const id = randomUUID()
      await files.writeAtomic(join(folder, `${id}.pdf`), pdf)
      made.set(id, now())
      return id
    },
    async read(pdfId) {
      if (!ID.test(pdfId)) throw new UserFacingError('That PDF id is not valid.')
      try {
        return await files.read(join(folder, `${pdfId}.pdf`))
      } catch {
        throw new UserFacingError('The PDF for this mail is gone; make it again.')
      }
    },
  }
}
