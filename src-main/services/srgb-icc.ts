/**
 * An sRGB ICC profile (version 2.1, display class, matrix/TRC), built from the published sRGB definition
 * (IEC 61966-2-1) because none ships with the operating systems we run on and PDF/A's OutputIntent needs one.
 * Colorants are the sRGB primaries adapted to the D50 connection space (Bradford), the media white point D65, and
 * each channel's curve a 1024-entry table of the sRGB transfer function, as common v2 sRGB profiles carry.
 * Floats are fine here: this is colour, not money.
 */

const D50 = [0.9642, 1.0, 0.8249] as const
const D65 = [0.9505, 1.0, 1.089] as const
const RED = [0.4360747, 0.2225045, 0.0139322] as const
const GREEN = [0.3850649, 0.7168786, 0.0971045] as const
const BLUE = [0.1430804, 0.0606169, 0.7141733] as const
const CURVE_POINTS = 1024

/** The sRGB transfer function: encoded value 0..1 to linear light 0..1. */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
}

class Writer {
  readonly bytes: Uint8Array
  private readonly view: DataView
  constructor(size: number) {
    this.bytes = new Uint8Array(size)
    this.view = new DataView(this.bytes.buffer)
  }
  u32(at: number, v: number) {
    this.view.setUint32(at, v)
  }
  u16(at: number, v: number) {
    this.view.setUint16(at, v)
  }
  s15f16(at: number, v: number) {
    this.view.setInt32(at, Math.round(v * 65536))
  }
  ascii(at: number, text: string) {
    for (let i = 0; i < text.length; i++) this.bytes[at + i] = text.charCodeAt(i) & 0x7f
  }
}

const DESCRIPTION = 'sRGB IEC61966-2.1'
const COPYRIGHT = 'No copyright, use freely'

interface Tag {
  signature: string
  size: number
  write(w: Writer, at: number): void
}

const xyz = (signature: string, v: readonly number[]): Tag => ({
  signature,
  size: 20,
  write(w, at) {
    w.ascii(at, 'XYZ ')
    v.forEach((c, i) => w.s15f16(at + 8 + 4 * i, c))
  },
})

/** v2 textDescriptionType: ASCII part, an empty Unicode part, an empty ScriptCode part (67 bytes). */
const desc: Tag = {
  signature: 'desc',
  size: 12 + DESCRIPTION.length + 1 + 8 + 3 + 67,
  write(w, at) {
    w.ascii(at, 'desc')
    w.u32(at + 8, DESCRIPTION.length + 1)
    w.ascii(at + 12, DESCRIPTION)
  },
}

const cprt: Tag = {
  signature: 'cprt',
  size: 8 + COPYRIGHT.length + 1,
  write(w, at) {
    w.ascii(at, 'text')
    w.ascii(at + 8, COPYRIGHT)
  },
}

const curve: Tag = {
  signature: 'curv',
  size: 12 + 2 * CURVE_POINTS,
  write(w, at) {
    w.ascii(at, 'curv')
    w.u32(at + 8, CURVE_POINTS)
    for (let i = 0; i < CURVE_POINTS; i++)
      w.u16(at + 12 + 2 * i, Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 65535))
  },
}

const align4 = (n: number) => (n + 3) & ~3

/** The profile's bytes; the same every time (its date is fixed), so PDFs made from it are reproducible. */
export function srgbIccProfile(): Uint8Array {
  // The three curves share one tag body, as the ICC specification allows.
  const bodies: Tag[] = [
    desc,
    xyz('wtpt', D65),
    xyz('rXYZ', RED),
    xyz('gXYZ', GREEN),
    xyz('bXYZ', BLUE),
    curve,
    cprt,
  ]
  const entries: Array<[string, Tag]> = [
    ['desc', desc],
    ['wtpt', bodies[1]!],
    ['rXYZ', bodies[2]!],
    ['gXYZ', bodies[3]!],
    ['bXYZ', bodies[4]!],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
    ['cprt', cprt],
  ]
  const tableEnd = 128 + 4 + 12 * entries.length
  const offsets = new Map<Tag, number>()
  let at = align4(tableEnd)
  for (const body of bodies) {
    offsets.set(body, at)
    at = align4(at + body.size)
  }
  const w = new Writer(at)
  // Header.
  w.u32(0, at)
  w.u32(8, 0x02100000)
  w.ascii(12, 'mntr')
  w.ascii(16, 'RGB ')
  w.ascii(20, 'XYZ ')
  ;[2025, 1, 1, 0, 0, 0].forEach((v, i) => w.u16(24 + 2 * i, v))
  w.ascii(36, 'acsp')
  D50.forEach((c, i) => w.s15f16(68 + 4 * i, c))
  // Tag table, then the bodies.
  w.u32(128, entries.length)
  entries.forEach(([signature, body], i) => {
    const entry = 132 + 12 * i
    w.ascii(entry, signature)
    w.u32(entry + 4, offsets.get(body)!)
    w.u32(entry + 8, body.size)
  })
  for (const body of bodies) body.write(w, offsets.get(body)!)
  return w.bytes
}
