/**
 * Payload's 发布 button, shown only when publishing would be allowed: a document that needs review
 * and is not approved is published through the review (通过并发布), so the button is not offered.
 * The server refuses such a publish anyway (enforceReview); this keeps the admin honest.
 */
import type { CollectionSlug, Payload, TypedUser } from 'payload'
import { PublishButton } from '@payloadcms/ui'
import React from 'react'
import { isApproved, needsApproval, type Person } from '../../review/reviewRules'
import { readReviewSettings } from '../../review/reviewSettings'
import { initialReviewState, readReviewState } from '../../review/reviewStates'

export async function ReviewPublishButton({
  collectionSlug,
  id,
  payload,
  user,
}: {
  collectionSlug: CollectionSlug
  id?: number | string
  payload: Payload
  user?: TypedUser | null
}) {
  const settings = await readReviewSettings({ payload })
  if (settings.reviewSteps > 0) {
    const doc =
      id == null
        ? null
        : await payload
            .findByID({
              collection: collectionSlug,
              id,
              draft: true,
              depth: 0,
              overrideAccess: true,
            })
            .catch(() => null)
    const state = doc ? readReviewState((doc as { review?: unknown }).review) : initialReviewState()
    if (needsApproval(user as Person, settings, state) && !isApproved(state, settings)) return null
  }
  return <PublishButton />
}
