import type { Payload } from 'payload'
import type { SiteStatus } from '../payload-types'

type LastBackup = NonNullable<SiteStatus['lastBackup']>

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const sameTime = (a?: string | null, b?: string | null) =>
  (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null)

/**
 * Writes the outcome of a backup into the `site-status` global (the 网站状态 panel shows it). The
 * publisher writes the same global from another process, and a global update is read-modify-write,
 * so a publisher write that read the global just before ours could put the old backup fields back:
 * read ours back a moment later and write again if that happened.
 */
export async function recordBackupStatus(
  payload: Payload,
  update: Partial<LastBackup>,
): Promise<void> {
  const current =
    (
      (await payload.findGlobal({
        slug: 'site-status',
        depth: 0,
        overrideAccess: true,
      })) as SiteStatus
    ).lastBackup ?? {}
  const wanted: LastBackup = { ...current, ...update }
  for (let attempt = 0; attempt < 5; attempt++) {
    await payload.updateGlobal({
      slug: 'site-status',
      data: { lastBackup: wanted },
      depth: 0,
      overrideAccess: true,
    })
    await sleep(250)
    const stored = (
      (await payload.findGlobal({
        slug: 'site-status',
        depth: 0,
        overrideAccess: true,
      })) as SiteStatus
    ).lastBackup
    if (sameTime(stored?.at, wanted.at) && sameTime(stored?.failedAt, wanted.failedAt)) return
  }
  throw new Error('备份状态未能写入网站状态')
}
