import type { RequestContext } from 'payload'
import type { ReviewState } from './reviewStates'

/**
 * A review decision in progress: performReviewAction puts it into the request's context for the
 * one save it makes, and enforceReview writes exactly that state (nothing a client sends can).
 */
export interface ReviewDecision {
  collection: string
  id: string
  action: string
  next: ReviewState
  publish: boolean
}

declare module 'payload' {
  interface RequestContext {
    reviewDecision?: ReviewDecision
    /** Set for `restoreVersion` by noteRestoreMode: the restore writes a draft only. */
    restoreAsDraft?: boolean
  }
}

/** The decision being saved for this document, if the running save is one. */
export function reviewDecisionFor(
  context: RequestContext,
  collection: string,
  id: number | string | undefined,
): ReviewDecision | undefined {
  const decision = context.reviewDecision
  if (!decision || id == null) return undefined
  return decision.collection === collection && decision.id === String(id) ? decision : undefined
}
