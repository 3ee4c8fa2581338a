/**
 * The review buttons in a document's edit view (before Payload's own controls): 提交审核, 通过并发布,
 * 通过, 退回 — only those the signed-in person may use on the document's current state — and a link
 * to the version diff against the live version. Reads the state on the server; ReviewActions acts.
 */
import type { CollectionSlug, Payload, TypedUser } from 'payload'
import React from 'react'
import { versionCompareHref } from '../../review/compareLink'
import { availableActions, type Person } from '../../review/reviewRules'
import { readReviewSettings } from '../../review/reviewSettings'
import { readReviewState, reviewStatusLabels } from '../../review/reviewStates'
import { ReviewActions } from './ReviewActions'

export async function ReviewControls({
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
  if (id == null || !user) return null
  const doc = await payload
    .findByID({ collection: collectionSlug, id, draft: true, depth: 0, overrideAccess: true })
    .catch(() => null)
  if (!doc) return null
  const settings = await readReviewSettings({ payload })
  const state = readReviewState((doc as { review?: unknown }).review)
  if (settings.reviewSteps === 0 && state.status === 'draft') return null
  const actions = availableActions(user as Person, settings, state)
  const compareHref =
    state.status === 'pending' || state.status === 'approved'
      ? await versionCompareHref(payload, collectionSlug, id)
      : null
  return (
    <ReviewActions
      collectionSlug={collectionSlug}
      id={String(id)}
      actions={actions}
      statusLabel={reviewStatusLabels[state.status]}
      approvals={state.approvals.length}
      steps={settings.reviewSteps}
      compareHref={compareHref}
    />
  )
}
