import { afterEach, describe, expect, it } from 'vitest'
import { customer } from '@core/documents/test-support/fixtures'
import {
  closeDatabase,
  ok,
  openTestDatabase,
  seededRepositories,
  testEnv,
} from '../test-support/test-db'
import {
  createRepositories,
  PLACEHOLDER_USER_ID,
  restoreDeviceUser,
  signInDeviceUser,
  type Repositories,
} from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

describe('device user', () => {
  it('signing in hands the placeholder’s customers to the user, acts as them, and is remembered', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    const typedOffline = {
      ...customer,
      id: 'C-new',
      name: 'Typed offline',
      ownerId: PLACEHOLDER_USER_ID,
    }
    ok(await repos.customers.save(typedOffline))
    ok(await repos.customers.save({ ...customer, id: 'C-bob', name: 'Bob’s', ownerId: 'bob' }))
    const before = (await repos.customers.get('C-new'))?.updatedAt

    const handed = await signInDeviceUser(repos.db, repos.env, { userId: 'ann', role: 'rep' })

    expect(handed).toBe(1)
    const after = await repos.customers.get('C-new')
    expect(after).toMatchObject({ name: 'Typed offline', ownerId: 'ann' })
    expect(after?.updatedAt).not.toBe(before)
    expect((await repos.customers.get('C-bob'))?.ownerId).toBe('bob')
    expect(repos.env.actor).toEqual({ userId: 'ann', role: 'rep' })

    const restarted = testEnv()
    expect(restarted.actor.userId).not.toBe('ann')
    await restoreDeviceUser(repos.db, restarted)
    expect(restarted.actor).toEqual({ userId: 'ann', role: 'rep' })
  })

  it('signing in hands over the invoices, their history and payments made before it', async () => {
    repos = await seededRepositories()
    repos.env.actor = { userId: PLACEHOLDER_USER_ID, role: 'rep' }
    const invoice = ok(await repos.invoices.create({ customerId: 'C1', name: 'Offline' }))
    ok(
      await repos.invoices.apply(invoice.id, {
        type: 'addWriteIn',
        lineId: 'L1',
        productName: 'Visit',
        pricePerUnit: '10.00',
        quantity: '1',
      }),
    )
    ok(
      await repos.invoices.apply(invoice.id, {
        type: 'recordPayment',
        payment: { id: 'P1', date: '2025-03-05', amount: '4.00', method: 'cash' },
      }),
    )

    await signInDeviceUser(repos.db, repos.env, { userId: 'ann', role: 'rep' })

    const after = await repos.invoices.get(invoice.id)
    expect(after?.createdBy).toBe('ann')
    expect(after?.history.map((e) => e.by)).toEqual(['ann', 'ann', 'ann'])
    expect(JSON.stringify(after)).not.toContain(PLACEHOLDER_USER_ID)
    expect((await repos.invoices.payments(invoice.id)).map((p) => p.recordedBy)).toEqual(['ann'])
    expect(await repos.invoices.balanceDue(invoice.id)).toBe('6.00')
  })

  it('a device that never signed in keeps acting as its own user', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    const env = testEnv()
    const actor = env.actor
    await restoreDeviceUser(repos.db, env)
    expect(env.actor).toEqual(actor)
  })
})
