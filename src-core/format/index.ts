/**
 * The one formatting module: numbers, money and dates as a rep types and reads them in their locale, used by the
 * forms, lists, print views, statement, start page and mail text alike. Pure functions, tested beside each file.
 */
export * from './locale-number'
export * from './money-text'
export * from './dates'
