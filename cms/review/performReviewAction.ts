/**
 * One review action (提交审核, 通过, 通过并发布, 退回) for the REST endpoint and the GraphQL mutation:
 * in one transaction, read the document's newest version as the person may see it, decide with
 * reviewRules, save the new state (通过并发布 also publishes, so the approval and the publication
 * commit together) and record the decision in the audit log.
 */
import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'
import { recordAudit } from '../audit/recordAudit'
import { planReviewAction, ReviewRefusal, type Person } from './reviewRules'
import { readReviewSettings } from './reviewSettings'
import {
  readReviewState,
  reviewStatusLabels,
  type ReviewAction,
  type ReviewState,
} from './reviewStates'
import type { ReviewedCollection } from './reviewedCollections'

export interface ReviewActionResult {
  id: string
  review: ReviewState
  status: ReviewState['status']
  statusLabel: string
  published: boolean
  message: string
}

const doneMessages: Record<ReviewAction, (state: ReviewState) => string> = {
  submit: () => '已提交审核，等待编辑或管理员审核。',
  approve: (state) =>
    state.status === 'approved'
      ? '已通过审核，可随时发布或定时发布。'
      : '已通过第一步审核，等待另一位审核人。',
  'approve-and-publish': () => '已通过审核并发布。',
  return: () => '已退回，提交人会在文档和工作台上看到退回意见。',
}

export const notFoundMessage = '找不到该内容，或您无权查看。'

export async function performReviewAction(
  req: PayloadRequest,
  {
    collection,
    id,
    action,
    comment,
  }: { collection: ReviewedCollection; id: string; action: ReviewAction; comment?: unknown },
): Promise<ReviewActionResult> {
  if (!req.user) throw new APIError('请先登录。', 401, null, true)
  const shouldCommit = await initTransaction(req)
  try {
    const doc = await req.payload.findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      overrideAccess: false,
      req,
      disableErrors: true,
    })
    if (!doc) throw new ReviewRefusal(404, notFoundMessage)
    const settings = await readReviewSettings(req)
    const { next, publish } = planReviewAction({
      action,
      state: readReviewState(doc.review),
      user: req.user as Person,
      settings,
      now: new Date().toISOString(),
      comment,
    })
    // The decision first, then (通过并发布) the publication it causes; both commit together.
    await recordAudit(req, {
      action: action === 'approve-and-publish' ? 'approve' : action,
      targetCollection: collection,
      documentId: doc.id,
      documentTitle: (doc as { title?: string }).title,
      summary: decisionSummary(action, next, settings.reviewSteps),
      changes: [
        {
          field: 'review.status',
          before: reviewStatusLabels[readReviewState(doc.review).status],
          after: reviewStatusLabels[next.status],
        },
        ...(action === 'return'
          ? [{ field: 'review.returnComment', after: next.returnComment }]
          : []),
      ],
    })
    req.context.reviewDecision = { collection, id: String(doc.id), action, next, publish }
    try {
      await req.payload.update({
        collection,
        id: doc.id,
        data: publish ? { _status: 'published' } : {},
        draft: !publish,
        depth: 0,
        overrideAccess: false,
        overrideLock: true,
        req,
      })
    } finally {
      delete req.context.reviewDecision
    }
    if (shouldCommit) await commitTransaction(req)
    return {
      id: String(doc.id),
      review: next,
      status: next.status,
      statusLabel: reviewStatusLabels[next.status],
      published: publish,
      message: doneMessages[action](next),
    }
  } catch (error) {
    await killTransaction(req)
    if (error instanceof ReviewRefusal) throw new APIError(error.message, error.status, null, true)
    throw error
  }
}

function decisionSummary(action: ReviewAction, next: ReviewState, steps: number): string {
  switch (action) {
    case 'submit':
      return `提交审核（须 ${steps} 位审核人通过）`
    case 'approve':
      return next.status === 'approved'
        ? `审核通过（第 ${next.approvals.length} 步，共 ${steps} 步）`
        : `第 ${next.approvals.length} 步审核通过，等待另一位审核人`
    case 'approve-and-publish':
      return `审核通过并发布（第 ${next.approvals.length} 步，共 ${steps} 步）`
    case 'return':
      return `退回：${next.returnComment ?? ''}`
  }
}
