import type { CollectionConfig } from 'payload'
import { isEditorOrAdmin } from '../access/isEditorOrAdmin'
import { isStaff } from '../access/isStaff'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { staffMayWriteDrafts } from '../access/staffMayWriteDrafts'
import { duplicateAsDraft } from '../hooks/duplicateAsDraft'
import { enqueueDocumentChange } from '../hooks/enqueueDocumentChange'
import { enqueueDocumentDelete } from '../hooks/enqueueDocumentDelete'
import { ignoreDraftModeForPublic } from '../hooks/ignoreDraftModeForPublic'
import { keepContributorsToDrafts } from '../hooks/keepContributorsToDrafts'
import { rememberLiveStatus } from '../hooks/rememberLiveStatus'

/** Access for content with an editorial workflow: public reads published, contributors draft, editors publish. */
export const publishableAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: isStaff,
  create: staffMayWriteDrafts,
  update: staffMayWriteDrafts,
  delete: isEditorOrAdmin,
}

/** Drafts with autosave, restorable versions and scheduled publishing. */
export const publishableVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  maxPerDoc: 50,
}

/** Contributors kept to drafts, and the publisher told when the live (published) document changes. */
export const publishableHooks = {
  beforeOperation: [duplicateAsDraft, keepContributorsToDrafts, ignoreDraftModeForPublic],
  beforeChange: [rememberLiveStatus],
  afterChange: [enqueueDocumentChange],
  afterDelete: [enqueueDocumentDelete],
} satisfies CollectionConfig['hooks']
