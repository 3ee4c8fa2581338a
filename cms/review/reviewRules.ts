/**
 * The review workflow's rules as pure functions of the state, the person and the site's settings:
 * who must have approvals before publishing, and what each decision turns the state into (or why
 * it is refused). The hooks and the endpoint only read and write; the decisions are made here.
 */
import { canPublish, isStaffUser } from '../access/roles'
import {
  initialReviewState,
  returnCommentMaxLength,
  reviewStatusLabels,
  sameUser,
  type ReviewAction,
  type ReviewState,
  type UserId,
} from './reviewStates'

export interface ReviewSettings {
  /** 0: no review (publish directly, as before), 1: one reviewer, 2: two different reviewers. */
  reviewSteps: 0 | 1 | 2
  /** Editors and admins also need approvals for what they publish themselves. */
  editorsNeedReview: boolean
}

export const noReview: ReviewSettings = { reviewSteps: 0, editorsNeedReview: false }

export interface Person {
  id: UserId
  name?: string | null
  email?: string | null
  roles?: readonly string[] | null
  collection?: string
}

/** A refusal with the HTTP status it answers with and the message shown to the person. */
export class ReviewRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message)
    this.name = 'ReviewRefusal'
  }
}

export const reviewMessages = {
  reviewOff: '网站未开启发布审核（网站设置中的“发布审核步骤”为 0），可直接发布，无需提交审核。',
  notStaff: '只有后台工作人员可以提交审核。',
  notReviewer: '只有编辑或管理员可以审核。',
  alreadyInReview: (status: ReviewState['status']) =>
    `该内容当前为“${reviewStatusLabels[status]}”，不能再次提交审核。`,
  notPending: (status: ReviewState['status']) =>
    `该内容当前为“${reviewStatusLabels[status]}”，没有等待审核的提交。`,
  ownSubmission: '不能审核自己提交的内容，请由另一位编辑或管理员审核。',
  sameReviewerTwice: '本网站要求两步审核：第二步须由另一位审核人通过。',
  needsSecondReviewer: '本网站要求两步审核：还需另一位审核人通过后才能发布，请选择“通过”。',
  commentRequired: '退回时请填写退回意见，说明需要修改的地方。',
  commentTooLong: `退回意见最多 ${returnCommentMaxLength} 字。`,
  publishNeedsApproval: (steps: number) =>
    steps === 2
      ? '该内容需经两位审核人通过后才能发布：请先提交审核。'
      : '该内容需经审核通过后才能发布：请先提交审核。',
} as const

/** Approvals still missing before the state may be published under the settings. */
export const approvalsMissing = (state: ReviewState, settings: ReviewSettings) =>
  Math.max(0, settings.reviewSteps - state.approvals.length)

/** True when the state carries every approval the settings ask for. */
export const isApproved = (state: ReviewState, settings: ReviewSettings) =>
  state.status === 'approved' && approvalsMissing(state, settings) === 0

/**
 * Whether publishing by this person needs the document's review approved. With review on:
 * contributors always; editors and admins when the site says so, and always for a document that
 * waits for reviewers (they decide it with 通过并发布, not around it). Code without a user (seed,
 * scripts, the publisher) is trusted, as it is with access control.
 */
export function needsApproval(
  user: Person | null | undefined,
  settings: ReviewSettings,
  current: ReviewState,
): boolean {
  if (settings.reviewSteps === 0 || !user) return false
  if (!canPublish(user)) return true
  return settings.editorsNeedReview || current.status === 'pending'
}

/** The actions this person could take on the state now (what the admin offers). */
export function availableActions(
  user: Person | null | undefined,
  settings: ReviewSettings,
  state: ReviewState,
): ReviewAction[] {
  if (!user || settings.reviewSteps === 0) return []
  const actions: ReviewAction[] = []
  for (const action of ['submit', 'approve', 'approve-and-publish', 'return'] as const) {
    const planned = tryPlan({ action, state, user, settings, now: '', comment: 'x' })
    if (!(planned instanceof ReviewRefusal)) actions.push(action)
  }
  return actions
}

export interface PlannedReview {
  next: ReviewState
  /** The decision also publishes the document (通过并发布). */
  publish: boolean
}

interface PlanInput {
  action: ReviewAction
  state: ReviewState
  user: Person | null | undefined
  settings: ReviewSettings
  now: string
  comment?: unknown
}

/** The state after the action, or throws a ReviewRefusal. */
export function planReviewAction(input: PlanInput): PlannedReview {
  const planned = tryPlan(input)
  if (planned instanceof ReviewRefusal) throw planned
  return planned
}

function tryPlan({
  action,
  state,
  user,
  settings,
  now,
  comment,
}: PlanInput): PlannedReview | ReviewRefusal {
  if (!user) return new ReviewRefusal(401, '请先登录。')
  if (!isStaffUser(user)) return new ReviewRefusal(403, reviewMessages.notStaff)
  if (settings.reviewSteps === 0) return new ReviewRefusal(409, reviewMessages.reviewOff)

  if (action === 'submit') {
    if (state.status === 'pending' || state.status === 'approved')
      return new ReviewRefusal(409, reviewMessages.alreadyInReview(state.status))
    return {
      publish: false,
      next: {
        ...state,
        status: 'pending',
        submittedBy: user.id,
        submittedAt: now,
        approvals: [],
        note: null,
        resetAt: null,
      },
    }
  }

  if (!canPublish(user)) return new ReviewRefusal(403, reviewMessages.notReviewer)
  const awaitingApproval =
    state.status === 'pending' || (state.status === 'approved' && !isApproved(state, settings))
  if (action === 'return') {
    if (state.status !== 'pending' && state.status !== 'approved')
      return new ReviewRefusal(409, reviewMessages.notPending(state.status))
  } else if (!awaitingApproval) {
    return new ReviewRefusal(409, reviewMessages.notPending(state.status))
  }
  if (sameUser(state.submittedBy, user.id))
    return new ReviewRefusal(403, reviewMessages.ownSubmission)

  if (action === 'return') {
    const text = typeof comment === 'string' ? comment.trim() : ''
    if (!text) return new ReviewRefusal(400, reviewMessages.commentRequired)
    if (text.length > returnCommentMaxLength)
      return new ReviewRefusal(400, reviewMessages.commentTooLong)
    return {
      publish: false,
      next: {
        ...state,
        status: 'returned',
        approvals: [],
        returnComment: text,
        returnedBy: user.id,
        returnedAt: now,
      },
    }
  }

  if (state.approvals.some((approval) => sameUser(approval.reviewer, user.id)))
    return new ReviewRefusal(403, reviewMessages.sameReviewerTwice)
  const approvals = [...state.approvals, { reviewer: user.id, at: now }]
  const complete = approvals.length >= settings.reviewSteps
  if (action === 'approve-and-publish' && !complete)
    return new ReviewRefusal(409, reviewMessages.needsSecondReviewer)
  return {
    publish: action === 'approve-and-publish',
    next: { ...state, status: complete ? 'approved' : 'pending', approvals },
  }
}

/** What an edit does to a document under review (待审核 or 已通过): back to draft, with a note. */
export function resetByEdit(state: ReviewState, editor: Person | null, now: string): ReviewState {
  const who = editor?.name || editor?.email || '系统'
  return {
    ...initialReviewState(),
    submittedBy: state.submittedBy,
    submittedAt: state.submittedAt,
    returnComment: state.returnComment,
    returnedBy: state.returnedBy,
    returnedAt: state.returnedAt,
    note: `${reviewStatusLabels[state.status]}的内容被 ${who} 修改，已退回草稿，需重新提交审核。`,
    resetAt: now,
  }
}

/** True while reviewers are looking at (or have approved) exactly this content. */
export const isUnderReview = (state: ReviewState) =>
  state.status === 'pending' || state.status === 'approved'
