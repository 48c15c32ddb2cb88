export * from './aging'
export * from './statement'
