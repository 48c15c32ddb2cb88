/**
 * Settings > Email and printer: the rep's SMTP account and the printer invoices go to, both kept by main. The
 * SMTP password is handed to main once (sealed there with safeStorage) and never read back: the form only
 * learns whether one is saved. In a browser these services do not exist, and the page says so.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import {
  smtpSettingsSchema,
  type PaperSize,
  type PrinterInfo,
  type SmtpSettings,
} from '@core/ipc/desktop-services'
import { getPlatform } from '@renderer/platform'
import type { FormErrors } from '@renderer/forms/settings-form'

export interface SmtpDraft {
  host: string
  port: string
  security: SmtpSettings['security']
  username: string
  fromAddress: string
  fromName: string
  /** Typed to set or replace the saved password; empty keeps the saved one. */
  password: string
}

const EMPTY_SMTP: SmtpDraft = {
  host: '',
  port: '587',
  security: 'starttls',
  username: '',
  fromAddress: '',
  fromName: '',
  password: '',
}

const EMAIL = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/

/** The SMTP settings the draft stands for, or each field's error (the password is not part of them). */
export function smtpFromDraft(
  d: SmtpDraft,
): { ok: true; value: SmtpSettings } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {}
  const host = d.host.trim()
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(host))
    errors.host = 'Server: a host name such as smtp.example.com'
  const port = /^\d{1,5}$/.test(d.port.trim()) ? Number(d.port.trim()) : NaN
  if (!(port >= 1 && port <= 65535)) errors.port = 'Port: a number from 1 to 65535, e.g. 587'
  const fromAddress = d.fromAddress.trim()
  if (!EMAIL.test(fromAddress)) errors.fromAddress = 'From Address: an email address'
  if (d.username.length > 254) errors.username = 'User Name: at most 254 characters'
  if (d.fromName.length > 200) errors.fromName = 'From Name: at most 200 characters'
  if (d.password.length > 1024) errors.password = 'Password: at most 1024 characters'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const parsed = smtpSettingsSchema.safeParse({
    host,
    port,
    security: d.security,
    username: d.username.trim(),
    fromAddress,
    fromName: d.fromName.trim(),
  })
  return parsed.ok ? parsed : { ok: false, errors: { host: parsed.error } }
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const useMailPrinterStore = defineStore('mail-printer', () => {
  const platform = getPlatform()
  const desktop = platform.kind === 'desktop'
  const smtp = ref<SmtpDraft>({ ...EMPTY_SMTP })
  const errors = ref<FormErrors>({})
  const hasPassword = ref(false)
  const printers = shallowRef<PrinterInfo[]>([])
  const printerName = ref<string | null>(null)
  const paperSize = ref<PaperSize>('a4')
  const smtpOutcome = ref<{ ok: boolean; text: string } | null>(null)
  const printOutcome = ref<{ ok: boolean; text: string } | null>(null)
  const loadError = ref<string | null>(null)
  /** True until the saved settings are read: the page shows no fields before, so nothing typed is overwritten. */
  const loading = ref(desktop)

  async function load(): Promise<void> {
    if (!desktop) return
    loading.value = true
    try {
      const [saved, withPassword, list, print] = await Promise.all([
        platform.smtpSettings(),
        platform.hasSmtpPassword(),
        platform.listPrinters(),
        platform.printSettings(),
      ])
      smtp.value = saved ? { ...saved, port: String(saved.port), password: '' } : { ...EMPTY_SMTP }
      hasPassword.value = withPassword
      printers.value = list
      printerName.value = print.printerName
      paperSize.value = print.paperSize
      loadError.value = null
    } catch (e) {
      loadError.value = `The saved settings could not be read: ${text(e)}`
    } finally {
      loading.value = false
    }
  }

  /** Saves the account, then the password if one was typed; the password field is emptied either way. */
  async function saveSmtp(): Promise<void> {
    smtpOutcome.value = null
    const checked = smtpFromDraft(smtp.value)
    if (!checked.ok) {
      errors.value = checked.errors
      smtpOutcome.value = { ok: false, text: 'Not saved: correct the fields marked below.' }
      return
    }
    errors.value = {}
    const password = smtp.value.password
    try {
      await platform.saveSmtpSettings(checked.value)
      if (password) {
        await platform.setSmtpPassword(password)
        hasPassword.value = true
      }
      smtpOutcome.value = { ok: true, text: 'Email account saved.' }
    } catch (e) {
      smtpOutcome.value = { ok: false, text: `Not saved: ${text(e)}` }
    } finally {
      smtp.value = { ...smtp.value, password: '' }
    }
  }

  async function savePrinter(): Promise<void> {
    printOutcome.value = null
    try {
      const saved = await platform.savePrintSettings({
        paperSize: paperSize.value,
        printerName: printerName.value,
      })
      printerName.value = saved.printerName
      paperSize.value = saved.paperSize
      printOutcome.value = { ok: true, text: 'Printer settings saved.' }
    } catch (e) {
      printOutcome.value = { ok: false, text: `Not saved: ${text(e)}` }
    }
  }

  return {
    desktop,
    smtp,
    errors,
    hasPassword,
    printers,
    printerName,
    paperSize,
    smtpOutcome,
    printOutcome,
    loadError,
    loading,
    load,
    saveSmtp,
    savePrinter,
  }
})
