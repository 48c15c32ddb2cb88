/** Vitest's global set-up: the run's one PostgreSQL cluster (shared-cluster.ts), started when a file first asks. */
export { setUpSharedCluster as default } from './shared-cluster'
