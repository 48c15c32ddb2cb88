/**
 * Send by Email in the browser build: there is no outbox and no PDF attachment, so the app hands the message to
 * the rep's mail program through a mailto: link and tells the rep what is left to do by hand.
 */
import { expect, test } from './fixtures'
import { loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

test('Send by Email opens the mail program and tells the rep to attach the PDF by hand', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await loadSampleCompany(page)
  // A new invoice for a customer with a contact email (the sample's Alder Hardware).
  const form = new InvoiceForm(page)
  await form.create('Mailed from the browser', 'Alder', 'Alder Hardware')
  const heading = page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })
  await expect(heading).toBeVisible()

  const number = ((await heading.textContent()) ?? '').replace(/^Invoice /, '').trim()
  const mailto = page.waitForRequest((r) => r.url().startsWith('mailto:'))
  await form.button('Send by Email').click()
  // The message handed to the mail program: to the customer's contact, subject and body with the number.
  const url = new URL((await mailto).url())
  expect(decodeURIComponent(url.pathname)).toMatch(/^[a-z.]+@alder\d*\.example$/)
  const subject = url.searchParams.get('subject') ?? ''
  expect(subject).toBe(`Invoice ${number} from Cascade Field Supply ($0.00)`)
  expect(url.searchParams.get('body')).toContain(`Please find attached invoice ${number}`)
  await expect(
    page.getByText(
      'You are using Fieldbill in a browser: Your mail program opens with the message. ' +
        'Attach the PDF by hand: use Export PDF first.',
    ),
  ).toBeVisible()
  // The page stays on the invoice (the mailto: link does not navigate the app away).
  await expect(heading).toBeVisible()
})
