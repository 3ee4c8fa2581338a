/**
 * 网站状态 on the dashboard: the panel with its first reading made on the server, under the
 * signed-in person's access, so the figures come with the page instead of two requests after it
 * (`npm run bench:admin`). Without access, or if the reading fails, the panel reads for itself.
 */
import type { Payload, TypedUser } from 'payload'
import React from 'react'
import { SiteStatusPanel, type SiteStatusReading } from './SiteStatusPanel'

/** What the panel's first poll would read, as `user` may read it; undefined when that fails. */
async function readSiteStatus(
  payload: Payload,
  user: TypedUser,
): Promise<SiteStatusReading | undefined> {
  try {
    const [status, queue] = await Promise.all([
      payload.findGlobal({ slug: 'site-status', depth: 0, user, overrideAccess: false }),
      payload.count({ collection: 'site-changes', user, overrideAccess: false }),
    ])
    return { status, pending: queue.totalDocs, at: Date.now() }
  } catch {
    return undefined
  }
}

export async function SiteStatusOnDashboard({
  payload,
  user,
}: {
  payload: Payload
  user?: TypedUser | null
}) {
  return <SiteStatusPanel initial={user ? await readSiteStatus(payload, user) : undefined} />
}
