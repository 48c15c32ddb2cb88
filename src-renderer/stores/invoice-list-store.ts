import { defineStore } from 'pinia'
import { useDocumentList } from './document-list'

/** A page of invoices: filtered, sorted on any column, searched by number, name and customer. */
export const useInvoiceListStore = defineStore('invoice-list', () => useDocumentList('invoice'))
