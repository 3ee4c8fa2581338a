/**
 * One update of a live release: plan (which pages, feeds and search files the changes affect),
 * render them on the release's warm renderer, stage them in temporary files, then rename them all
 * into place and make the plan the live state. A failure before the renames writes nothing
 * visible; the caller keeps the changes queued and retries. A page whose file name the file system
 * refuses can never be written: it is skipped, with its reason in the result.
 */
import { rebuildIndexFiles } from '../shared/search/rebuildIndex'
import { searchDocumentsFromSiteContent } from '../shared/search/siteDocuments'
import { SearchIndexUpdater } from '../shared/search/updateIndex'
import { collectMediaReferences } from '../shared/siteFiles/mediaNames'
import { fileOfPath } from '../shared/siteFiles/urlToFile'
import { searchUrls } from '../site/src/lib/urls'
import type { UpdateResult, SkippedPage } from './messages'
import type { LiveSite } from './liveSite'
import type { JournalRecord } from './releases'
import { copyMissingMedia, removePage, StagedFiles } from './siteFiles'
import type { SiteContent } from '../shared/siteContent'
import type { EntryChange, SitePlan } from './siteState'

export interface UpdateOptions {
  mediaDir: string
  /** Tests only: a page whose props contain this text fails to render. */
  faultMarker?: string
  /** Tests only: while this file exists, writing files fails with ENOSPC. */
  noSpaceWhile?: string
  log: (message: string) => void
  /** Called once the plan shows there is something to do. */
  onStart?: () => void
}

export interface AppliedUpdate {
  result: UpdateResult
  /** The documents whose public version changed (what a full build running meanwhile replays). */
  changed: EntryChange[]
}

export async function applyUpdate(
  live: LiveSite,
  changes: EntryChange[],
  task: string,
  options: UpdateOptions,
): Promise<AppliedUpdate> {
  const started = performance.now()
  const plan = live.state.plan(changes)
  const planned = performance.now()
  const result: UpdateResult = {
    task,
    changes: plan.changed.length,
    pages: 0,
    removed: 0,
    files: 0,
    shards: 0,
    skipped: [],
    milliseconds: 0,
    timings: { plan: Math.round(planned - started), render: 0, write: 0 },
  }
  if (plan.changed.length === 0)
    return { result: { ...result, milliseconds: performance.now() - started }, changed: [] }
  options.onStart?.()
  const root = live.release.publicDir
  const staged = new StagedFiles({ noSpaceWhile: options.noSpaceWhile })
  let renderedAt: number
  try {
    const media = new Set<string>()
    const [, search] = await Promise.all([
      renderInto(staged, media, plan, live, options, result.skipped),
      stageSearch(staged, plan, live, options),
    ])
    renderedAt = performance.now()
    copyMissingMedia(root, media, options.mediaDir)
    await staged.commit()
    result.shards = search()
    for (const urlPath of [...plan.remove, ...plan.removeFiles])
      if (removePage(root, urlPath)) result.removed++
  } catch (error) {
    await staged.discard()
    throw error
  }
  const writtenAt = performance.now()
  live.release.appendJournal(plan.changed as JournalRecord[])
  live.state.commit(plan)
  result.pages = plan.render.length - result.skipped.length
  result.files = plan.files.length + plan.familyFiles.length + plan.redirectFiles.length
  result.milliseconds = performance.now() - started
  result.timings.render = Math.round(renderedAt - planned)
  result.timings.write = Math.round(writtenAt - renderedAt)
  return { result, changed: plan.changed }
}

/** Renders the plan's pages on the warm renderer and its feeds, staging each as it is ready. */
async function renderInto(
  staged: StagedFiles,
  media: Set<string>,
  plan: SitePlan,
  live: LiveSite,
  options: UpdateOptions,
  skipped: SkippedPage[],
): Promise<void> {
  const marker = process.env.NODE_ENV === 'production' ? undefined : options.faultMarker
  for (const route of plan.render) {
    if (marker && JSON.stringify(route.props).includes(marker))
      throw new Error(`渲染 ${route.path} 失败（测试注入的故障）`)
  }
  const root = live.release.publicDir
  const skip = (urlPath: string) => (error: Error) => {
    skipped.push({ path: urlPath, reason: `无法写入：${error.message}` })
    options.log(`跳过无法写入的页面 ${urlPath}：${error.message}`)
  }
  /** The file of a page, or null (and the page skipped) when its path makes no file name. */
  const fileOrSkip = (urlPath: string): string | null => {
    try {
      return fileOfPath(root, urlPath)
    } catch (error) {
      skip(urlPath)(error as Error)
      return null
    }
  }
  // Each render thread writes its pages' temporary files itself; only media names come back.
  for (const route of plan.render) {
    const file = fileOrSkip(route.path)
    if (file === null) continue
    staged.stageWith(
      0,
      file,
      async (temporary) => {
        const references = await live.renderer.writePage(route, plan.content.site, temporary)
        for (const reference of references) collectMediaReferences(reference, media)
      },
      skip(route.path),
    )
  }
  await staged.settled()
  // Feeds and the sitemap are plain functions of the content (site/src/feeds/), as in the build.
  for (const file of plan.files)
    staged.stage(0, fileOfPath(root, file.path), file.render(plan.index, live.siteUrl))
  // The redirects go live with the pages they lead to (a rename's old path and its new page).
  for (const file of plan.redirectFiles) staged.stage(0, fileOfPath(root, file.path), file.data)
  for (const { family, route } of plan.familyFiles) {
    const file = fileOrSkip(route.path)
    if (file === null) continue
    staged.stage(0, file, family.render(route.props, live.siteUrl), skip(route.path))
  }
}

/**
 * The most a search delta file may hold (README: 搜索索引的增量). A news article's terms take
 * ~10 KB; a change that would make it larger goes into the shards at once, as before deltas.
 */
export const searchDeltaBytes = 16 * 1024

/**
 * Stages the search index's changed files (a change of a few documents as a delta, merged into
 * the shards later by `mergeSearchStep`), and returns what to do once they are in place. When
 * the index on disk is not what the live content gives (an update cut short), the whole index
 * is staged instead, and files it no longer has are removed after.
 */
async function stageSearch(
  staged: StagedFiles,
  plan: SitePlan,
  live: LiveSite,
  options: UpdateOptions,
): Promise<() => number> {
  try {
    const prepared = live.search.prepare(plan.search, { deltaBytes: searchDeltaBytes })
    prepared.files.forEach((group, order) =>
      group.forEach(([file, data]) => staged.stage(1 + order, file, data)),
    )
    return () => prepared.commit().shardsWritten
  } catch (error) {
    options.log(`搜索索引与内容不一致，完整重建：${(error as Error).message}`)
    return stageWholeIndex(staged, plan.content, live)
  }
}

function stageWholeIndex(staged: StagedFiles, content: SiteContent, live: LiveSite): () => number {
  const dir = live.release.searchDir
  const rebuild = rebuildIndexFiles(searchDocumentsFromSiteContent(content, searchUrls), dir)
  rebuild.groups.forEach((group, order) =>
    group.forEach(([file, data]) => staged.stage(1 + order, file, data)),
  )
  return () => {
    rebuild.removeStaleFiles()
    live.search = SearchIndexUpdater.open(dir)
    return rebuild.shardCount
  }
}

/**
 * One step of merging the search delta into the shards (the publisher runs them when the queue
 * is empty): the terms of up to `maxShards` shards, so a change arriving meanwhile waits for one
 * step only. Returns the shards written, or null when there is no delta. An index that does not
 * hold what its delta expects is rebuilt whole.
 */
export async function mergeSearchStep(
  live: LiveSite,
  options: Pick<UpdateOptions, 'log' | 'noSpaceWhile'>,
  maxShards = 128,
): Promise<number | null> {
  const staged = new StagedFiles({ noSpaceWhile: options.noSpaceWhile })
  let commit: () => number
  try {
    const prepared = live.search.prepareMerge(maxShards)
    if (!prepared) return null
    prepared.files.forEach((group, order) =>
      group.forEach(([file, data]) => staged.stage(order, file, data)),
    )
    commit = () => prepared.commit().shardsWritten
  } catch (error) {
    options.log(`搜索索引与内容不一致，完整重建：${(error as Error).message}`)
    commit = stageWholeIndex(staged, live.state.content, live)
  }
  try {
    await staged.commit()
  } catch (error) {
    await staged.discard()
    throw error
  }
  return commit()
}
