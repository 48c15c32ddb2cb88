import { createApp } from 'vue'
import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import Tooltip from 'primevue/tooltip'
import 'primeicons/primeicons.css'
import App from './App.vue'
import { router } from './router'
import { fieldbillPreset } from './app/theme'
import { getPlatform } from './platform'
import { installLinkGuard } from './platform/link-guard'
import './styles.css'

installLinkGuard(getPlatform())

const app = createApp(App)
app.use(createPinia())
app.use(router)
// PrimeVue's theme follows the OS light/dark setting through prefers-color-scheme.
app.use(PrimeVue, { theme: { preset: fieldbillPreset, options: { darkModeSelector: 'system' } } })
// Icon-only buttons name themselves with aria-label and show the same words as a tooltip (v-tooltip).
app.directive('tooltip', Tooltip)
app.mount('#app')
