/**
 * A notice at the top of a reviewed document's form: where its review stands, the reviewer's
 * comment when it was returned (for the submitter to fix), or that an edit sent it back to draft
 * (for the reviewers). Nothing while a draft has never been in review.
 */
import type { Payload } from 'payload'
import React from 'react'
import { peopleNames } from '../../review/peopleNames'
import { readReviewState } from '../../review/reviewStates'
import { formatTime } from '../SiteStatus/formatStatus'
import './review.scss'

export async function ReviewNotice({
  data,
  payload,
}: {
  data?: { review?: unknown }
  payload: Payload
}) {
  const state = readReviewState(data?.review)
  if (state.status === 'draft' && !state.note) return null
  const names = await peopleNames(payload, [
    state.submittedBy,
    state.returnedBy,
    ...state.approvals.map((approval) => approval.reviewer),
  ])
  const name = (id: unknown) => (id == null ? '—' : (names.get(String(id)) ?? `用户 ${id}`))
  const when = (at: string | null) => (at ? formatTime(at) : '')

  let tone: string = state.status
  let title: string
  let text: string
  switch (state.status) {
    case 'returned':
      title = `已退回修改（${name(state.returnedBy)}，${when(state.returnedAt)}）`
      text = `退回意见：${state.returnComment ?? ''}\n修改后请再次“提交审核”。`
      break
    case 'pending':
      title = `待审核（${name(state.submittedBy)} 于 ${when(state.submittedAt)} 提交）`
      text = state.approvals.length
        ? `已通过：${state.approvals.map((approval) => name(approval.reviewer)).join('、')}；等待另一位审核人。`
        : '等待编辑或管理员审核。审核期间修改内容会使其退回草稿。'
      break
    case 'approved':
      title = '已通过审核'
      text = `审核人：${state.approvals.map((approval) => `${name(approval.reviewer)}（${when(approval.at)}）`).join('、')}。修改内容会使其退回草稿，需重新审核。`
      break
    default:
      tone = 'reset'
      title = `审核提示（${when(state.resetAt)}）`
      text = state.note ?? ''
  }
  return (
    <section className={`review-notice review-notice--${tone}`} aria-label="发布审核">
      <h2 className="review-notice__title">{title}</h2>
      <p className="review-notice__text">{text}</p>
    </section>
  )
}
