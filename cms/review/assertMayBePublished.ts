import { APIError, type CollectionSlug, type PayloadRequest } from 'payload'
import { isApproved, needsApproval, reviewMessages, type Person } from './reviewRules'
import { readReviewSettings } from './reviewSettings'
import { readReviewState } from './reviewStates'
import { isReviewedCollection } from './reviewedCollections'

/**
 * Refuses (403) to schedule a publish of content that the scheduling person could not publish
 * now for want of approvals. The job is judged again when it runs (enforceReview), since an edit
 * may end the approval in between; refusing here tells the person at once.
 */
export async function assertMayBePublished(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<void> {
  if (!isReviewedCollection(collection)) return
  const doc = await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!doc) return
  const settings = await readReviewSettings(req)
  const state = readReviewState((doc as { review?: unknown }).review)
  if (needsApproval(req.user as Person, settings, state) && !isApproved(state, settings))
    throw new APIError(reviewMessages.publishNeedsApproval(settings.reviewSteps), 403, null, true)
}
