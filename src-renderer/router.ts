import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** The site map of a sales app, in the order a rep from Dynamics 365 Sales expects it. */
export const siteMap = [
  // The start page: receivables at a glance, or what to do first on an empty database.
  {
    path: '/start',
    name: 'start',
    title: 'Home',
    page: () => import('./pages/StartPage.vue'),
  },
  {
    path: '/orders',
    name: 'orders',
    title: 'Orders',
    page: () => import('./pages/OrdersPage.vue'),
  },
  {
    path: '/invoices',
    name: 'invoices',
    title: 'Invoices',
    page: () => import('./pages/InvoicesPage.vue'),
  },
  {
    path: '/customers',
    name: 'customers',
    title: 'Customers',
    page: () => import('./pages/CustomersPage.vue'),
  },
  {
    path: '/products',
    name: 'products',
    title: 'Products',
    page: () => import('./pages/ProductsPage.vue'),
  },
  {
    path: '/price-lists',
    name: 'price-lists',
    title: 'Price Lists',
    page: () => import('./pages/PriceListsPage.vue'),
  },
  {
    path: '/opportunities',
    name: 'opportunities',
    title: 'Opportunities',
    page: () => import('./pages/OpportunitiesPage.vue'),
  },
  {
    path: '/settings',
    name: 'settings',
    title: 'Settings',
    page: () => import('./pages/SettingsPage.vue'),
  },
] as const

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/start' },
  // A customer's statement for a period, laid out for paper (reached from the customer).
  {
    path: '/customers/:id/statement',
    name: 'customer-statement',
    component: () => import('./pages/CustomerStatementPage.vue'),
    meta: { title: 'Customer Statement' },
  },
  // The print view of one invoice (not in the site map): main renders it to PDF and paper.
  {
    path: '/invoices/:id/print',
    name: 'invoice-print',
    component: () => import('./pages/InvoicePrintPage.vue'),
    meta: { title: 'Invoice' },
  },
  // Settings → Import, export and backup (not in the site map: reached from Settings).
  {
    path: '/settings/data',
    name: 'settings-data',
    component: () => import('./pages/DataPage.vue'),
    meta: { title: 'Import, export and backup' },
  },
  // Settings → Company: profile and logo, currencies, pricing rules, numbering (reached from Settings).
  {
    path: '/settings/company',
    name: 'settings-company',
    component: () => import('./pages/settings/CompanySettingsPage.vue'),
    meta: { title: 'Company' },
  },
  // Settings → Email and printer: the desktop's SMTP account and printer (reached from Settings).
  {
    path: '/settings/email-printer',
    name: 'settings-email-printer',
    component: () => import('./pages/settings/EmailPrinterPage.vue'),
    meta: { title: 'Email and printer' },
  },
  // Settings → Sync: connect to the sync server (not in the site map: reached from Settings).
  {
    path: '/settings/sync',
    name: 'settings-sync',
    component: () => import('./pages/SyncSettingsPage.vue'),
    meta: { title: 'Sync' },
  },
  ...siteMap.map((entry) => ({
    path: entry.path,
    name: entry.name,
    component: entry.page,
    meta: { title: entry.title },
  })),
  // One document: /invoices/new for a new invoice, /invoices/<id> for an existing one.
  {
    path: '/invoices/:id',
    name: 'invoice',
    component: () => import('./pages/InvoiceFormPage.vue'),
    meta: { title: 'Invoice' },
  },
  // New and existing opportunities; unit groups (from Products) and discount lists (from Price Lists).
  {
    path: '/opportunities/:id',
    name: 'opportunity',
    component: () => import('./pages/OpportunityFormPage.vue'),
    meta: { title: 'Opportunity' },
  },
  {
    path: '/unit-groups',
    name: 'unit-groups',
    component: () => import('./pages/UnitGroupsPage.vue'),
    meta: { title: 'Unit Groups' },
  },
  {
    path: '/discount-lists',
    name: 'discount-lists',
    component: () => import('./pages/DiscountListsPage.vue'),
    meta: { title: 'Discount Lists' },
  },
  {
    path: '/orders/:id',
    name: 'order',
    component: () => import('./pages/OrderFormPage.vue'),
    meta: { title: 'Order' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/invoices' },
]

// Hash history: the same URLs work under app://, the web build and a file opened for printing.
export const router = createRouter({ history: createWebHashHistory(), routes })

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title ? `${title} · Fieldbill` : 'Fieldbill'
})
