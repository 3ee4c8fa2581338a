'use client'
import React, { useCallback, useId, useState } from 'react'
import { Button, Drawer, toast, useConfig, useFormModified, useModal } from '@payloadcms/ui'
import { returnCommentMaxLength, type ReviewAction } from '../../review/reviewStates'
import './review.scss'

interface Props {
  collectionSlug: string
  id: string
  actions: ReviewAction[]
  statusLabel: string
  approvals: number
  steps: number
  compareHref: string | null
}

const buttonLabels: Record<ReviewAction, string> = {
  submit: '提交审核',
  'approve-and-publish': '通过并发布',
  approve: '通过',
  return: '退回…',
}

/** The review buttons; each posts to the review endpoint, then reloads the document. */
export function ReviewActions({
  collectionSlug,
  id,
  actions,
  statusLabel,
  approvals,
  steps,
  compareHref,
}: Props) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const modified = useFormModified()
  const { openModal, closeModal } = useModal()
  const [busy, setBusy] = useState(false)
  const [comment, setComment] = useState('')
  const drawerSlug = `review-return-${collectionSlug}-${id}`
  const commentId = useId()
  const hintId = useId()

  const act = useCallback(
    async (action: ReviewAction, body?: { comment: string }) => {
      setBusy(true)
      try {
        const response = await fetch(`${api}/${collectionSlug}/${id}/review/${action}`, {
          method: 'POST',
          credentials: 'include',
          headers: body ? { 'Content-Type': 'application/json' } : undefined,
          body: body ? JSON.stringify(body) : undefined,
        })
        const result = (await response.json().catch(() => null)) as {
          message?: string
          errors?: { message?: string }[]
        } | null
        if (!response.ok)
          throw new Error(result?.errors?.[0]?.message || `操作失败（${response.status}）`)
        toast.success(result?.message ?? '已完成。')
        closeModal(drawerSlug)
        window.location.reload()
      } catch (error) {
        toast.error((error as Error).message)
        setBusy(false)
      }
    },
    [api, closeModal, collectionSlug, drawerSlug, id],
  )

  const progress = steps === 2 && approvals > 0 ? `（${approvals}/${steps}）` : ''
  return (
    <div className="review-actions" role="group" aria-label="发布审核">
      <span className="review-actions__status">
        审核：{statusLabel}
        {progress}
      </span>
      {compareHref && (
        <a className="review-actions__compare" href={compareHref}>
          对比线上版本
        </a>
      )}
      {actions.length > 0 && modified && (
        <span className="review-actions__hint" id={hintId}>
          有未保存的修改，保存后才能审核
        </span>
      )}
      {actions.map((action) => (
        <Button
          key={action}
          buttonStyle={action === 'approve-and-publish' ? 'primary' : 'secondary'}
          size="medium"
          margin={false}
          disabled={busy || modified}
          extraButtonProps={modified ? { 'aria-describedby': hintId } : undefined}
          onClick={() => (action === 'return' ? openModal(drawerSlug) : void act(action))}
        >
          {buttonLabels[action]}
        </Button>
      ))}
      {actions.includes('return') && (
        <Drawer slug={drawerSlug} title="退回修改" className="review-return">
          {/* Not a <form>: the drawer sits inside the document's form in React's tree. */}
          <div className="review-return__form">
            <label className="review-return__label" htmlFor={commentId}>
              退回意见（必填，提交人会在文档和工作台上看到）
            </label>
            <textarea
              id={commentId}
              className="review-return__comment"
              required
              rows={6}
              maxLength={returnCommentMaxLength}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
            <p className="review-return__count">
              {comment.length} / {returnCommentMaxLength} 字
            </p>
            <Button
              buttonStyle="primary"
              disabled={busy || !comment.trim()}
              onClick={() => void act('return', { comment })}
            >
              确认退回
            </Button>
          </div>
        </Drawer>
      )}
    </div>
  )
}
