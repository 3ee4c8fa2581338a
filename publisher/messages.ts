/**
 * What the publisher process tells its parent over IPC (`process.send`): when the site can be
 * served, the result of each update and of each full build. `npm start` and `bench:publish` read
 * these instead of the log lines, which are for people.
 */

/** A page left out of an update because its file can never be written, and why. */
export interface SkippedPage {
  path: string
  reason: string
}

export interface UpdateResult {
  /** What the update was for (`发布 3 项变更`, `启动时核对`, …). */
  task: string
  /** Documents whose public version changed. */
  changes: number
  /** Pages rendered and written. */
  pages: number
  removed: number
  /** Feeds and the sitemap. */
  files: number
  /** Search index shards written. */
  shards: number
  skipped: SkippedPage[]
  milliseconds: number
  /** Where the time went: comparing (plan), rendering and staging, renaming into place. */
  timings: { plan: number; render: number; write: number }
}

export interface FullBuildResult {
  reason: string
  pages: number
  milliseconds: number
}

export type PublisherMessage =
  | { type: 'ready'; ready: true; servedDir: string; socket: string }
  | { type: 'update'; result: UpdateResult }
  | { type: 'fullBuild'; result: FullBuildResult }
  | { type: 'failure'; message: string }
