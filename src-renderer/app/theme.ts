/**
 * Fieldbill's PrimeVue theme: Aura with every coloured text at WCAG AA (4.5:1) against what it sits on, in light
 * and in dark. Aura's light scheme draws white on the 500 shades (green 500 is 2.3:1, orange 500 2.8:1, red 500
 * 3.8:1) and coloured text in the 500 shades on white; here filled buttons use the 700 shades and coloured text
 * the 700 shades in light, the 400 shades in dark, where the 500 shades are too dark on a dark surface.
 */
import Aura from '@primeuix/themes/aura'
import { definePreset } from '@primeuix/themes'

/** The severities PrimeVue colours buttons and messages by, each with its palette. */
const SEVERITY_PALETTES = {
  success: 'green',
  info: 'sky',
  warn: 'orange',
  help: 'purple',
  danger: 'red',
} as const

type Shade = '400' | '500' | '600' | '700' | '800' | '900'
const shade = (palette: string, s: Shade) => `{${palette}.${s}}`

/** A filled button: white on the 700 shade, darker on hover and press. */
function filled(palette: string) {
  return {
    background: shade(palette, '700'),
    hoverBackground: shade(palette, '800'),
    activeBackground: shade(palette, '900'),
    borderColor: shade(palette, '700'),
    hoverBorderColor: shade(palette, '800'),
    activeBorderColor: shade(palette, '900'),
    color: '#ffffff',
    hoverColor: '#ffffff',
    activeColor: '#ffffff',
    focusRing: { color: shade(palette, '700'), shadow: 'none' },
  }
}

function textColours(s: Shade) {
  const byPalette = Object.fromEntries(
    Object.entries(SEVERITY_PALETTES).map(([severity, palette]) => [
      severity,
      { color: shade(palette, s) },
    ]),
  )
  return byPalette
}

const lightText = { ...textColours('700'), secondary: { color: '{surface.600}' } }

/** Message text (banners such as "is paid and read-only") in each severity. */
const MESSAGE_PALETTES = { info: 'blue', success: 'green', warn: 'yellow', error: 'red' } as const

function messageColours(s: Shade) {
  return Object.fromEntries(
    Object.entries(MESSAGE_PALETTES).map(([severity, palette]) => [
      severity,
      {
        color: shade(palette, s),
        outlined: { color: shade(palette, s) },
        simple: { color: shade(palette, s) },
      },
    ]),
  )
}

export const fieldbillPreset = definePreset(Aura, {
  semantic: {
    colorScheme: {
      light: {
        // Aura's light primary (emerald 500) under white text is 2.5:1; emerald 700 reads at 5.5:1.
        primary: {
          color: '{primary.700}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.800}',
          activeColor: '{primary.900}',
        },
      },
    },
  },
  components: {
    button: {
      colorScheme: {
        light: {
          root: Object.fromEntries(
            Object.entries(SEVERITY_PALETTES).map(([severity, palette]) => [
              severity,
              filled(palette),
            ]),
          ),
          outlined: lightText,
          text: lightText,
        },
      },
    },
    message: {
      colorScheme: {
        light: {
          ...messageColours('800'),
          secondary: {
            color: '{surface.700}',
            outlined: { color: '{surface.700}' },
            simple: { color: '{surface.700}' },
          },
        },
        dark: messageColours('400'),
      },
    },
  },
})
