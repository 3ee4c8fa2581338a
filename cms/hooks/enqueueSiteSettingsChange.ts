import type { GlobalAfterChangeHook } from 'payload'
import { enqueueSiteChange } from '../collections/SiteChanges/enqueueSiteChange'
import { reviewSettingNames } from '../review/reviewSettings'

/** True when a save changed nothing but settings that no page shows (the review settings). */
const changedOnlyUnpublishedSettings = (
  previous: Record<string, unknown> | undefined,
  doc: Record<string, unknown>,
) => {
  if (!previous) return false
  const shown = (value: Record<string, unknown>) => {
    const rest = { ...value }
    for (const name of ['updatedAt', 'createdAt', ...reviewSettingNames]) delete rest[name]
    return JSON.stringify(rest)
  }
  return shown(previous) === shown(doc)
}

/** Queues the `site` global (name, navigation, footer…, on every page) for the publisher, in the save's transaction. */
export const enqueueSiteSettingsChange: GlobalAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (changedOnlyUnpublishedSettings(previousDoc, doc)) return doc
  await enqueueSiteChange(req, { kind: 'site' })
  return doc
}
