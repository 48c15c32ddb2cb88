import { createApp } from 'vue'
import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import Aura from '@primeuix/themes/aura'
import { definePreset } from '@primeuix/themes'
import Tooltip from 'primevue/tooltip'
import 'primeicons/primeicons.css'
import App from './App.vue'
import { router } from './router'
import { getPlatform } from './platform'
import { installLinkGuard } from './platform/link-guard'
import './styles.css'

installLinkGuard(getPlatform())

const app = createApp(App)
app.use(createPinia())
app.use(router)
// Aura's light primary (emerald 500) under white text is 2.5:1; emerald 700 reads at 5.5:1, as WCAG AA asks.
const Fieldbill = definePreset(Aura, {
  semantic: {
    colorScheme: {
      light: {
        primary: {
          color: '{primary.700}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.800}',
          activeColor: '{primary.900}',
        },
      },
    },
  },
})
// PrimeVue's theme follows the OS light/dark setting through prefers-color-scheme.
app.use(PrimeVue, { theme: { preset: Fieldbill, options: { darkModeSelector: 'system' } } })
// Icon-only buttons name themselves with aria-label and show the same words as a tooltip (v-tooltip).
app.directive('tooltip', Tooltip)
app.mount('#app')
