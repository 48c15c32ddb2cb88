/**
 * Opportunities carry Dynamics' Status (Open, Won, Lost) and Est. Close Date: set on the form, shown in the list,
 * where both columns sort.
 */
import { expect, test } from './fixtures'
import { choose, loadSampleCompany } from './pages/app'
import { ListView } from './pages/list-view'

test('an opportunity is marked Won with its close date, and the list shows and sorts both', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const list = new ListView(page, 'Opportunities')
  await list.open()
  await expect(list.header('Status')).toBeVisible()
  await expect(list.header('Est. Close Date')).toBeVisible()
  // The sample's opportunities are being worked on: every one is Open.
  await expect(list.rows().first()).toContainText('Open')
  const first = list.rows().first().getByRole('link').first()
  const name = await first.innerText()
  await first.click()

  const status = page.getByRole('combobox', { name: 'Status', exact: true })
  await expect(status).toHaveText('Open')
  await choose(page, page, 'Status', 'Won')
  await page.getByLabel('Est. Close Date', { exact: true }).fill('2027-01-31')
  // Save and Close leaves the form once the opportunity is stored; it is then opened again and read afresh.
  await page
    .getByRole('toolbar', { name: 'Opportunity commands' })
    .getByRole('button', { name: 'Save and Close', exact: true })
    .click()
  await expect(page).toHaveURL(/#\/opportunities$/)
  await page.getByRole('link', { name, exact: true }).first().click()
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveText('Won')
  await expect(page.getByLabel('Est. Close Date', { exact: true })).toHaveValue('2027-01-31')

  await list.open()
  await list.sortBy('Status', 'descending')
  const won = list.rows().first()
  await expect(won).toContainText(name)
  await expect(won).toContainText('Won')
  await expect(won).toContainText('Jan 31, 2027')
  await list.sortBy('Est. Close Date', 'ascending')
  await expect(list.rows().first()).toContainText(name)
})
