/** Numbers and dates typed and read in the rep's locale (the one formatting module, in src-core), and counts. */
export * from '@core/format'
export * from './plural'
