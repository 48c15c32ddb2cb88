import { describe, expect, it } from 'vitest'
import { srgbIccProfile, srgbToLinear } from './srgb-icc'

const profile = srgbIccProfile()
const view = new DataView(profile.buffer, profile.byteOffset, profile.byteLength)
const ascii = (at: number, n = 4) => String.fromCharCode(...profile.subarray(at, at + n))
const s15f16 = (at: number) => view.getInt32(at) / 65536

function tags(): Map<string, { offset: number; size: number }> {
  const out = new Map<string, { offset: number; size: number }>()
  for (let i = 0; i < view.getUint32(128); i++) {
    const at = 132 + 12 * i
    out.set(ascii(at), { offset: view.getUint32(at + 4), size: view.getUint32(at + 8) })
  }
  return out
}

describe('srgbIccProfile', () => {
  it('has an ICC v2 display RGB header with the D50 connection space', () => {
    expect(view.getUint32(0)).toBe(profile.length)
    expect(view.getUint32(8)).toBe(0x02100000)
    expect([ascii(12), ascii(16), ascii(20), ascii(36)]).toEqual(['mntr', 'RGB ', 'XYZ ', 'acsp'])
    expect([s15f16(68), s15f16(72), s15f16(76)].map((v) => v.toFixed(4))).toEqual([
      '0.9642',
      '1.0000',
      '0.8249',
    ])
  })

  it('holds every tag a matrix/TRC profile needs, each inside the file, 4-byte aligned, of its type', () => {
    const table = tags()
    const types: Record<string, string> = {
      desc: 'desc',
      wtpt: 'XYZ ',
      rXYZ: 'XYZ ',
      gXYZ: 'XYZ ',
      bXYZ: 'XYZ ',
      rTRC: 'curv',
      gTRC: 'curv',
      bTRC: 'curv',
      cprt: 'text',
    }
    expect([...table.keys()].sort()).toEqual(Object.keys(types).sort())
    for (const [signature, { offset, size }] of table) {
      expect(offset % 4, signature).toBe(0)
      expect(offset + size, signature).toBeLessThanOrEqual(profile.length)
      expect(ascii(offset), signature).toBe(types[signature])
    }
    expect(ascii(table.get('desc')!.offset + 12, 17)).toBe('sRGB IEC61966-2.1')
  })

  it('maps white to the D50 white and follows the sRGB curve', () => {
    const t = tags()
    const sum = [0, 4, 8].map((i) =>
      ['rXYZ', 'gXYZ', 'bXYZ'].reduce((acc, tag) => acc + s15f16(t.get(tag)!.offset + 8 + i), 0),
    )
    expect(sum.map((v) => v.toFixed(3))).toEqual(['0.964', '1.000', '0.825'])
    const curve = t.get('rTRC')!.offset
    const points = view.getUint32(curve + 8)
    expect(points).toBe(1024)
    expect(view.getUint16(curve + 12)).toBe(0)
    expect(view.getUint16(curve + 12 + 2 * (points - 1))).toBe(65535)
    const mid = view.getUint16(curve + 12 + 2 * 511) / 65535
    expect(mid).toBeCloseTo(srgbToLinear(511 / 1023), 4)
  })
})
