/**
 * Remembers the main window's size and position between runs. The pure part decides what bounds to use (a saved
 * position on a display that is gone would open the window off screen); the file I/O is injected.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState extends Rect {
  maximized: boolean
}

export const DEFAULT_STATE: WindowState = { x: 0, y: 0, width: 1280, height: 800, maximized: false }
const MIN_WIDTH = 800
const MIN_HEIGHT = 560

function isFiniteInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000
}

/** Reads a saved state; anything malformed gives `null` (and the defaults), never a crash at start-up. */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null) return null
  const d = data as Record<string, unknown>
  if (![d.x, d.y, d.width, d.height].every(isFiniteInt)) return null
  return {
    x: d.x as number,
    y: d.y as number,
    width: Math.max(MIN_WIDTH, d.width as number),
    height: Math.max(MIN_HEIGHT, d.height as number),
    maximized: d.maximized === true,
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/**
 * The bounds to open with: the saved ones when they still overlap a display's work area, otherwise the default
 * size centred on the primary display.
 */
export function chooseBounds(saved: WindowState | null, displays: readonly Rect[]): WindowState {
  const primary = displays[0] ?? { x: 0, y: 0, width: 1920, height: 1080 }
  if (saved && displays.some((d) => overlaps(saved, d))) return saved
  const width = Math.min(DEFAULT_STATE.width, primary.width)
  const height = Math.min(DEFAULT_STATE.height, primary.height)
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
    maximized: saved?.maximized ?? false,
  }
}
