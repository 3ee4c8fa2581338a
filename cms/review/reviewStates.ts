/**
 * The review (三审) state a document carries in its `review` group: where it is in the workflow,
 * who submitted it, who approved it, and why it was returned. The state lives on the document's
 * newest version, so it describes the content that would be published next.
 */

/** `draft`: being written (or sent back by an edit); `pending`: waiting for reviewers. */
export const reviewStatuses = ['draft', 'pending', 'approved', 'returned'] as const
export type ReviewStatus = (typeof reviewStatuses)[number]

export const reviewStatusLabels: Record<ReviewStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  approved: '已通过',
  returned: '已退回',
}

/** The decisions and requests a person can make on a document's review. */
export const reviewActions = ['submit', 'approve', 'approve-and-publish', 'return'] as const
export type ReviewAction = (typeof reviewActions)[number]

export const reviewActionLabels: Record<ReviewAction, string> = {
  submit: '提交审核',
  approve: '通过',
  'approve-and-publish': '通过并发布',
  return: '退回',
}

export function isReviewAction(value: unknown): value is ReviewAction {
  return reviewActions.includes(value as ReviewAction)
}

/** A return comment's most characters: a paragraph or two, not a second article. */
export const returnCommentMaxLength = 2000

export type UserId = number | string

export interface Approval {
  reviewer: UserId
  at: string
}

export interface ReviewState {
  status: ReviewStatus
  submittedBy: UserId | null
  submittedAt: string | null
  approvals: Approval[]
  returnComment: string | null
  returnedBy: UserId | null
  returnedAt: string | null
  /** Set when an edit sent the document back from review: what happened, for the reviewers. */
  note: string | null
  resetAt: string | null
}

export const initialReviewState = (): ReviewState => ({
  status: 'draft',
  submittedBy: null,
  submittedAt: null,
  approvals: [],
  returnComment: null,
  returnedBy: null,
  returnedAt: null,
  note: null,
  resetAt: null,
})

/** A relationship as stored (an id) or populated (a document): the id. */
export function idOf(value: unknown): UserId | null {
  if (value == null) return null
  if (typeof value === 'object') return ((value as { id?: UserId }).id ?? null) as UserId | null
  return value as UserId
}

/** The review group as read from a document (any depth, possibly missing), as plain ids. */
export function readReviewState(value: unknown): ReviewState {
  const review = (value ?? {}) as Record<string, unknown>
  const status = reviewStatuses.includes(review.status as ReviewStatus)
    ? (review.status as ReviewStatus)
    : 'draft'
  const approvals = Array.isArray(review.approvals)
    ? (review.approvals as { reviewer?: unknown; at?: unknown }[])
        .map((row) => ({ reviewer: idOf(row?.reviewer), at: String(row?.at ?? '') }))
        .filter((row): row is Approval => row.reviewer != null)
    : []
  const text = (key: string) => (typeof review[key] === 'string' ? (review[key] as string) : null)
  return {
    status,
    submittedBy: idOf(review.submittedBy),
    submittedAt: text('submittedAt'),
    approvals,
    returnComment: text('returnComment'),
    returnedBy: idOf(review.returnedBy),
    returnedAt: text('returnedAt'),
    note: text('note'),
    resetAt: text('resetAt'),
  }
}

export const sameUser = (a: UserId | null | undefined, b: UserId | null | undefined) =>
  a != null && b != null && String(a) === String(b)
