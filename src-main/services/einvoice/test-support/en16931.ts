/**
 * Runs the official EN 16931 validation (test-fixtures/en16931) over many e-invoices in one go: the CII D16B
 * schema with one xmllint, the business rules with one Saxon-HE JVM over a folder. Starting the JVM and compiling
 * the rules is most of the cost, so a test validates its whole batch at once.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ARTIFACTS = fileURLToPath(new URL('../../../../test-fixtures/en16931/', import.meta.url))
export const CII_XSD = join(
  ARTIFACTS,
  'cii-xsd/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd',
)
export const EN16931_XSLT = join(ARTIFACTS, 'EN16931-CII-validation.xslt')
export const EXAMPLE_VALID = join(ARTIFACTS, 'example-valid.xml')
/** Debian's libsaxonhe-java puts the jar here; SAXON_JAR overrides it. */
const SAXON_JAR = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar'

/** One broken rule as the SVRL reports it. */
export interface FailedAssert {
  /** The rule, e.g. 'BR-CO-15'. */
  id: string
  flag: string
  location: string
  text: string
}

export interface ValidationResult {
  /** xmllint's schema errors; empty when the file validates. */
  schemaErrors: string[]
  /** Failed asserts with flag="fatal": each one makes the invoice invalid. */
  fatal: FailedAssert[]
  /** Failed asserts with flag="warning": reported, not fatal. */
  warnings: FailedAssert[]
}

interface Run {
  stdout: string
  stderr: string
  code: number
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // A number is the tool's exit code (it ran and judged); anything else means it did not run at all.
      if (error && typeof error.code !== 'number') reject(new Error(`${command}: ${error.message}`))
      else resolve({ stdout, stderr, code: error ? Number(error.code) : 0 })
    })
  })
}

const attribute = (tag: string, name: string): string =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? ''

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** Every `svrl:failed-assert` of an SVRL report. */
export function failedAsserts(svrl: string): FailedAssert[] {
  const out: FailedAssert[] = []
  for (const m of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)) {
    const tag = m[1] ?? ''
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(m[2] ?? '')?.[1] ?? ''
    out.push({
      id: attribute(tag, 'id'),
      flag: attribute(tag, 'flag'),
      location: unescape(attribute(tag, 'location')),
      text: unescape(text.trim()),
    })
  }
  return out
}

/**
 * Validates XML documents given as text, each under its name (a file name ending in .xml).
 *
 * @param documents - name → XML text
 * @returns name → the schema errors, fatal asserts and warnings of that document
 * @throws when java, Saxon-HE or xmllint is missing, or Saxon writes no report for a document
 */
export async function validateEn16931(
  documents: Readonly<Record<string, string>>,
): Promise<Record<string, ValidationResult>> {
  const dir = await mkdtemp(join(tmpdir(), 'fieldbill-en16931-'))
  try {
    const input = join(dir, 'in')
    const output = join(dir, 'out')
    await run('mkdir', ['-p', input, output])
    const names = Object.keys(documents)
    for (const name of names) {
      if (!/^[\w.-]+\.xml$/.test(name)) throw new Error(`not a plain .xml file name: ${name}`)
      await writeFile(join(input, name), documents[name] ?? '')
    }
    const files = names.map((n) => join(input, n))
    const [schema, rules] = await Promise.all([
      run('xmllint', ['--noout', '--schema', CII_XSD, ...files]),
      // One JVM over the folder: Saxon transforms every file of -s into -o under the same name.
      // C1 only (TieredStopAtLevel=1): a run this short is over before C2's optimisations would pay.
      run('java', [
        '-XX:TieredStopAtLevel=1',
        '-cp',
        SAXON_JAR,
        'net.sf.saxon.Transform',
        `-s:${input}`,
        `-xsl:${EN16931_XSLT}`,
        `-o:${output}`,
      ]),
    ])
    if (rules.code !== 0) throw new Error(`Saxon failed (${rules.code}): ${rules.stderr}`)
    if (schema.code !== 0 && !/fails to validate|validates/.test(schema.stderr))
      throw new Error(`xmllint failed (${schema.code}): ${schema.stderr}`)
    const written = new Set(await readdir(output))
    const results: Record<string, ValidationResult> = {}
    for (const name of names) {
      const file = join(input, name)
      if (!written.has(name)) throw new Error(`Saxon wrote no report for ${name}`)
      const asserts = failedAsserts(await readFile(join(output, name), 'utf8'))
      const lines = schema.stderr.split('\n')
      results[name] = {
        schemaErrors: lines.filter(
          (l) => l.startsWith(`${file}:`) || l.startsWith(`${file} fails`),
        ),
        fatal: asserts.filter((a) => a.flag === 'fatal'),
        warnings: asserts.filter((a) => a.flag !== 'fatal'),
      }
      if (!lines.includes(`${file} validates`) && results[name].schemaErrors.length === 0)
        results[name].schemaErrors.push(`xmllint said nothing about ${name}`)
    }
    return results
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
