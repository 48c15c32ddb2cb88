import { expect, type Locator, type Page } from '@playwright/test'

export interface ProductLineInput {
  quantity: string
  manualDiscount?: string
  tax?: string
}

/** An order or invoice form (New, or an open document) and its dialogs. */
export class DocumentForm {
  readonly commands: Locator
  private readonly title: string
  constructor(
    readonly page: Page,
    readonly kind: 'invoice' | 'order',
  ) {
    this.title = kind === 'invoice' ? 'Invoice' : 'Order'
    this.commands = page.getByRole('toolbar', { name: `${this.title} commands` })
  }

  async newFromList(): Promise<void> {
    await this.page.goto(`/#/${this.kind}s`)
    // A hash change is not a page load: goto returns before the list replaced the page that was showing, and
    // its New button (another list's) would open the wrong form.
    await expect(
      this.page.getByRole('heading', { level: 1, name: `${this.title}s`, exact: true }),
    ).toBeVisible()
    await this.page.getByRole('button', { name: 'New', exact: true }).click()
    await expect(
      this.page.getByRole('heading', { level: 1, name: `New ${this.title}` }),
    ).toBeVisible()
  }

  /** New from the list: Name and Customer (price list, currency and addresses follow), then Save. */
  async create(name: string, customerPrefix: string, customer: string): Promise<void> {
    await this.newFromList()
    await this.page.getByLabel('Name', { exact: true }).fill(name)
    await this.pickCustomer(customerPrefix, customer)
    await this.save()
  }

  async pickCustomer(text: string, name: string | RegExp = text): Promise<void> {
    const lookup = this.page.getByRole('combobox', { name: 'Customer', exact: true })
    await lookup.fill(text)
    await this.page.getByRole('option', { name }).first().click()
  }

  button(name: string): Locator {
    return this.commands.getByRole('button', { name, exact: true })
  }

  /**
   * A command that asks first (Cancel Invoice, Cancel Order, Reactivate): pressed, then confirmed in its dialog
   * by the button of the same name. Returns the dialog so a spec can check what it said.
   */
  async confirmCommand(name: string, dialogTitle = name): Promise<void> {
    await this.button(name).click()
    const dialog = this.page.getByRole('dialog', { name: dialogTitle })
    await dialog.getByRole('button', { name, exact: true }).click()
    await expect(dialog).toBeHidden()
  }

  /** The form's save state: "Saved", "Unsaved changes", "Saving…". */
  saveState(): Locator {
    return this.page
      .getByRole('status')
      .filter({ hasText: /^(Saved|Unsaved changes|Saving…|Not saved yet)$/ })
  }

  async save(): Promise<void> {
    await this.button('Save').click()
    const heading = this.kind === 'invoice' ? /^Invoice INV-/ : /^Order ORD-/
    await expect(this.page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    // The form moves to the stored document's address after the heading shows it; a later goto must come after.
    await expect(this.page).toHaveURL(new RegExp(`#/${this.kind}s/(?!new$)[^/]+$`))
  }

  /** Adds a catalog product, chosen by its exact name (each choice also shows its ID, unit and price). */
  async addExisting(product: string, line: ProductLineInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Add Product' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Add Product' })
    await dialog.getByLabel('Existing', { exact: true }).check()
    await dialog.getByRole('combobox', { name: 'Existing Product', exact: true }).click()
    await this.page
      .getByRole('option')
      .filter({ has: this.page.getByText(product, { exact: true }) })
      .first()
      .click()
    await expect(dialog.getByRole('combobox', { name: 'Unit', exact: true })).not.toHaveText('')
    await dialog.getByLabel('Use Default', { exact: true }).check()
    await this.fillLine(dialog, line)
    await dialog.getByRole('button', { name: 'Save and Close' }).click()
    await expect(dialog).toBeHidden()
  }

  async addWriteIn(name: string, pricePerUnit: string, line: ProductLineInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Add Product' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Add Product' })
    await dialog.getByLabel('Write-In', { exact: true }).check()
    await dialog.getByLabel('Write-In Product').fill(name)
    await expect(dialog.getByLabel('Override Price', { exact: true })).toBeChecked()
    await dialog.getByLabel('Price Per Unit', { exact: true }).fill(pricePerUnit)
    await this.fillLine(dialog, line)
    await dialog.getByRole('button', { name: 'Save and Close' }).click()
    await expect(dialog).toBeHidden()
  }

  private async fillLine(dialog: Locator, line: ProductLineInput) {
    await dialog.getByLabel('Quantity', { exact: true }).fill(line.quantity)
    await dialog.getByLabel('Manual Discount', { exact: true }).fill(line.manualDiscount ?? '0')
    await dialog.getByLabel('Tax', { exact: true }).fill(line.tax ?? '0')
  }

  line(productName: string): Locator {
    return this.page
      .getByRole('table', { name: 'Products' })
      .getByRole('row', { name: productName })
  }

  /** Types a value into a totals field and leaves it, which saves it. */
  async setTotalField(label: string, value: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true })
    await field.fill(value)
    await field.press('Tab')
  }

  total(label: string): Locator {
    return this.page.getByLabel(label, { exact: true })
  }
}

/** The invoice form, with the payment dialog. */
export class InvoiceForm extends DocumentForm {
  constructor(page: Page) {
    super(page, 'invoice')
  }

  /** A header date field (Invoice Date, Due Date, Date Delivered) found by its label; `iso` is YYYY-MM-DD. */
  dateField(label: 'Invoice Date' | 'Due Date' | 'Date Delivered'): Locator {
    return this.page.getByLabel(label, { exact: true })
  }

  paymentTerms(): Locator {
    return this.page.getByRole('combobox', { name: 'Payment Terms', exact: true })
  }

  async recordPayment(amount: string, reference: string): Promise<void> {
    await this.button('Invoice Paid').click()
    const dialog = this.page.getByRole('dialog', { name: 'Invoice Paid' })
    await dialog.getByLabel('Amount', { exact: true }).fill(amount)
    await dialog.getByLabel('Reference', { exact: true }).fill(reference)
    await dialog.getByRole('button', { name: 'Record Payment' }).click()
    await expect(dialog).toBeHidden()
  }
}
