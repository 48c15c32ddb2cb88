import { defineStore } from 'pinia'
import { useDocumentList } from './document-list'

/** A page of orders: filtered, sorted on any column, searched by number, name and customer. */
export const useOrdersStore = defineStore('orders', () => useDocumentList('order'))
