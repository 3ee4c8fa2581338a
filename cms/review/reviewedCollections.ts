/** The collections whose publishing goes through review (those with drafts and an editorial workflow). */
export const reviewedCollections = ['news', 'exhibitions', 'exhibits', 'lectures'] as const

export type ReviewedCollection = (typeof reviewedCollections)[number]

export function isReviewedCollection(value: unknown): value is ReviewedCollection {
  return reviewedCollections.includes(value as ReviewedCollection)
}
