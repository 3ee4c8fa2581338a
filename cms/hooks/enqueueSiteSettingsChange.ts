import type { GlobalAfterChangeHook } from 'payload'
import { enqueueSiteChange } from '../collections/SiteChanges/enqueueSiteChange'

/** Queues the `site` global (name, navigation, footer…, on every page) for the publisher, in the save's transaction. */
export const enqueueSiteSettingsChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await enqueueSiteChange(req, { kind: 'site' })
  return doc
}
