/** Numbers and dates typed and read in the rep's locale. Pure functions, tested beside each file. */
export * from './locale-number'
export * from './dates'
export * from './plural'
