import { describe, expect, it } from 'vitest'
import { chooseBounds, parseWindowState } from './window-state'

const screen = { x: 0, y: 0, width: 1920, height: 1080 }

describe('parseWindowState', () => {
  it('reads a saved state and enforces a minimum size', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":300,"height":1000,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 800,
      height: 1000,
      maximized: true,
    })
  })

  it.each([
    null,
    '',
    'not json',
    'null',
    '{"x":"1","y":0,"width":1,"height":1}',
    '{"x":1e9,"y":0}',
  ])('gives null for %s', (text) => {
    expect(parseWindowState(text)).toBeNull()
  })
})

describe('chooseBounds', () => {
  it('keeps bounds that are still on a display', () => {
    const saved = { x: 100, y: 100, width: 1000, height: 700, maximized: false }
    expect(chooseBounds(saved, [screen])).toEqual(saved)
  })

  it('centres the default size when the saved display is gone', () => {
    const saved = { x: 3000, y: 100, width: 1000, height: 700, maximized: true }
    expect(chooseBounds(saved, [screen])).toEqual({
      x: 320,
      y: 140,
      width: 1280,
      height: 800,
      maximized: true,
    })
    expect(chooseBounds(null, [])).toMatchObject({ width: 1280, height: 800, maximized: false })
  })
})
