import { describe, expect, it } from 'vitest'
import { fieldbillPreset } from './theme'

/* The preset's tokens are references such as '{green.700}' or '{surface.600}'; these resolve them. */
type Tree = { [key: string]: unknown }
const preset = fieldbillPreset as unknown as {
  primitive: Record<string, Record<string, string>>
  semantic: { colorScheme: Record<'light' | 'dark', { surface: Record<string, string> }> }
  components: Record<string, { colorScheme: Record<'light' | 'dark', Tree> }>
}

function resolve(token: string, scheme: 'light' | 'dark'): string {
  const ref = /^\{(\w+)\.(\d+)\}$/.exec(token)
  if (!ref) return token
  const [, palette = '', step = ''] = ref
  const value =
    palette === 'surface'
      ? preset.semantic.colorScheme[scheme].surface[step]
      : preset.primitive[palette]?.[step]
  if (value === undefined) throw new Error(`unknown token ${token}`)
  return resolve(value, scheme)
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

function tokens(scheme: 'light' | 'dark', component: string, ...path: string[]): Tree {
  let node: unknown = preset.components[component]?.colorScheme[scheme]
  for (const key of path) node = (node as Tree)[key]
  return node as Tree
}

/** The page and panel backgrounds of styles.css that buttons and messages sit on. */
const BACKGROUNDS = { light: ['#ffffff', '#f7f8fa'], dark: ['#14171c', '#1c2027'] } as const
const SEVERITIES = ['success', 'info', 'warn', 'help', 'danger'] as const

describe('the theme', () => {
  it.each(SEVERITIES)('draws white on a %s button at 4.5:1 or more (light)', (severity) => {
    const button = tokens('light', 'button', 'root', severity)
    for (const state of ['background', 'hoverBackground', 'activeBackground'])
      expect(contrast('#ffffff', resolve(button[state] as string, 'light'))).toBeGreaterThan(4.5)
  })

  it.each([...SEVERITIES, 'secondary'])(
    'draws %s text and outlined buttons at 4.5:1 or more on the page in light and dark',
    (severity) => {
      for (const scheme of ['light', 'dark'] as const)
        for (const variant of ['text', 'outlined']) {
          const colour = resolve(
            tokens(scheme, 'button', variant, severity).color as string,
            scheme,
          )
          for (const background of BACKGROUNDS[scheme])
            expect(contrast(colour, background)).toBeGreaterThan(4.5)
        }
    },
  )

  it.each(['info', 'success', 'warn', 'error'])(
    'draws %s message text at 4.5:1 or more in light and dark',
    (severity) => {
      for (const scheme of ['light', 'dark'] as const) {
        const colour = resolve(tokens(scheme, 'message', severity).color as string, scheme)
        for (const background of BACKGROUNDS[scheme])
          expect(contrast(colour, background)).toBeGreaterThan(4.5)
      }
    },
  )
})
