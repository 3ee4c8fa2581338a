/**
 * The review rules on every save, whatever the path (REST, GraphQL, the admin, the Local API with
 * a user, a scheduled job, a restored version):
 *
 * - the `review` group holds what the workflow decided: whatever a client sends for it is replaced
 *   by the stored state (or by the decision being saved, see reviewDecision.ts);
 * - an edit of content that is 待审核 or 已通过 sends it back to draft, with a note for reviewers;
 * - publishing content that needs review (reviewRules.needsApproval) without its approvals is
 *   refused with 403.
 */
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
} from 'payload'
import { changedContentFields } from './contentChanged'
import { reviewDecisionFor } from './reviewDecision'
import {
  isApproved,
  isUnderReview,
  needsApproval,
  resetByEdit,
  reviewMessages,
  type Person,
} from './reviewRules'
import { readReviewSettings } from './reviewSettings'
import { initialReviewState, readReviewState, type ReviewState } from './reviewStates'

/** The state as stored in the `review` group. */
export const storedReview = (state: ReviewState) => ({
  ...state,
  approvals: state.approvals.map(({ reviewer, at }) => ({ reviewer, at })),
})

export const enforceReview: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const id = operation === 'update' ? (originalDoc?.id as number | string | undefined) : undefined
  // A new document (a duplicate too) starts outside review.
  const previous = id != null ? readReviewState(originalDoc?.review) : initialReviewState()
  const decision = reviewDecisionFor(context, collection.slug, id)
  const user = req.user as Person | null

  let next = previous
  if (decision) next = decision.next
  else if (
    id != null &&
    isUnderReview(previous) &&
    changedContentFields(data, originalDoc).length > 0
  )
    next = resetByEdit(previous, user, new Date().toISOString())
  data.review = storedReview(next)

  const restoringAsDraft = Boolean(context.isRestoringVersion && context.restoreAsDraft)
  if (data._status === 'published' && !restoringAsDraft) {
    const settings = await readReviewSettings(req)
    if (needsApproval(user, settings, previous) && !isApproved(next, settings))
      throw new APIError(reviewMessages.publishNeedsApproval(settings.reviewSteps), 403, null, true)
  }
  return data
}

/**
 * Drops whatever a client sends for `review` before anything reads it (enforceReview writes the
 * state anyway). It must run before the input check (strictInput): the admin form sends its
 * read-only copy of the group, with an empty list of approvals as the number 0.
 */
export const dropClientReview: CollectionBeforeOperationHook = ({ args, operation }) => {
  const data = (args as { data?: Record<string, unknown> }).data
  if ((operation === 'create' || operation === 'update') && data && 'review' in data) {
    const rest = { ...data }
    delete rest.review
    return { ...args, data: rest }
  }
  return args
}

/** Remembers whether a restore writes a draft (`?draft=true`) or the live document. */
export const noteRestoreMode: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'restoreVersion')
    req.context.restoreAsDraft = Boolean((args as { draft?: boolean }).draft)
  return args
}
