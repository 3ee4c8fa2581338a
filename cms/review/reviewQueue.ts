/**
 * What the dashboard's 发布审核 panel lists, read from each reviewed collection's newest versions
 * (where the review state lives): what waits for reviewers (count, oldest first), what an edit
 * sent back from review lately, and what was returned to a given submitter.
 */
import type { Payload, Where } from 'payload'
import { readReviewState, type ReviewState, type UserId } from './reviewStates'
import { reviewedCollections, type ReviewedCollection } from './reviewedCollections'

export interface QueueItem {
  collection: ReviewedCollection
  id: number | string
  title: string
  review: ReviewState
}

export interface ReviewQueue {
  waiting: number
  /** 待审核 per collection, for links to each list. */
  waitingIn: Partial<Record<ReviewedCollection, number>>
  oldest: QueueItem[]
  recentlyReset: QueueItem[]
  returnedToMe: QueueItem[]
}

/** How far back the panel shows documents sent back to draft by an edit. */
const resetWindowMs = 14 * 24 * 60 * 60 * 1000

async function listEach(
  payload: Payload,
  where: Where,
  sort: string,
  limit: number,
): Promise<{
  total: number
  totals: Partial<Record<ReviewedCollection, number>>
  items: QueueItem[]
}> {
  const results = await Promise.all(
    reviewedCollections.map(async (collection) => {
      const { docs, totalDocs } = await payload.find({
        collection,
        where,
        sort,
        limit,
        depth: 0,
        draft: true,
        overrideAccess: true,
        select: { title: true, review: true } as never,
      })
      return {
        collection,
        totalDocs,
        items: (docs as { id: number | string; title?: unknown; review?: unknown }[]).map(
          (doc) => ({
            collection,
            id: doc.id,
            title: String(doc.title ?? doc.id),
            review: readReviewState(doc.review),
          }),
        ),
      }
    }),
  )
  return {
    total: results.reduce((sum, result) => sum + result.totalDocs, 0),
    totals: Object.fromEntries(results.map((result) => [result.collection, result.totalDocs])),
    items: results.flatMap((result) => result.items),
  }
}

const byTime =
  (key: 'submittedAt' | 'resetAt' | 'returnedAt', direction: 1 | -1) =>
  (a: QueueItem, b: QueueItem) =>
    direction * String(a.review[key] ?? '').localeCompare(String(b.review[key] ?? ''))

export async function readReviewQueue(
  payload: Payload,
  { userId, limit = 5 }: { userId: UserId; limit?: number },
): Promise<ReviewQueue> {
  const since = new Date(Date.now() - resetWindowMs).toISOString()
  const [pending, reset, returned] = await Promise.all([
    listEach(payload, { 'review.status': { equals: 'pending' } }, 'review.submittedAt', limit),
    listEach(
      payload,
      {
        and: [
          { 'review.status': { equals: 'draft' } },
          { 'review.resetAt': { greater_than: since } },
        ],
      },
      '-review.resetAt',
      limit,
    ),
    listEach(
      payload,
      {
        and: [
          { 'review.status': { equals: 'returned' } },
          { 'review.submittedBy': { equals: userId } },
        ],
      },
      '-review.returnedAt',
      limit,
    ),
  ])
  return {
    waiting: pending.total,
    waitingIn: pending.totals,
    oldest: pending.items.sort(byTime('submittedAt', 1)).slice(0, limit),
    recentlyReset: reset.items.sort(byTime('resetAt', -1)).slice(0, limit),
    returnedToMe: returned.items.sort(byTime('returnedAt', -1)).slice(0, limit),
  }
}
