/**
 * 发布审核 on the dashboard. Reviewers (editors, admins): how many documents wait (待审核), the
 * oldest first, each with a link to the version diff, and documents that an edit sent back from
 * review. Everyone: what was returned to them, with the reviewer's comment. Shown while review is
 * on or anything is still in it.
 */
import type { Payload, TypedUser } from 'payload'
import React from 'react'
import { canPublish } from '../../access/roles'
import { versionCompareHref } from '../../review/compareLink'
import { peopleNames } from '../../review/peopleNames'
import { readReviewQueue, type QueueItem } from '../../review/reviewQueue'
import { readReviewSettings } from '../../review/reviewSettings'
import { formatAgo, formatTime } from '../SiteStatus/formatStatus'
import './review.scss'

/** `已等待 3 小时`, or `刚刚提交`. */
const waited = (at: string) => {
  const ago = formatAgo(at)
  return ago === '刚刚' ? '刚刚提交' : `已等待 ${ago.replace(/前$/, '')}`
}

const collectionLabels: Record<QueueItem['collection'], string> = {
  news: '活动新闻',
  exhibitions: '展览',
  exhibits: '展品',
  lectures: '讲座',
}

export async function ReviewQueuePanel({
  payload,
  user,
}: {
  payload: Payload
  user?: TypedUser | null
}) {
  if (!user) return null
  const reviewer = canPublish(user as never)
  const [settings, queue] = await Promise.all([
    readReviewSettings({ payload }),
    readReviewQueue(payload, { userId: user.id }),
  ])
  const empty =
    queue.waiting === 0 && queue.recentlyReset.length === 0 && queue.returnedToMe.length === 0
  if (settings.reviewSteps === 0 && empty) return null

  const admin = payload.config.routes.admin
  const docHref = (item: QueueItem) => `${admin}/collections/${item.collection}/${item.id}`
  const [names, compareHrefs] = await Promise.all([
    peopleNames(payload, [
      ...queue.oldest.map((item) => item.review.submittedBy),
      ...queue.returnedToMe.map((item) => item.review.returnedBy),
    ]),
    reviewer
      ? Promise.all(
          queue.oldest.map((item) => versionCompareHref(payload, item.collection, item.id)),
        )
      : Promise.resolve([]),
  ])
  const name = (id: unknown) => (id == null ? '—' : (names.get(String(id)) ?? `用户 ${id}`))
  const pendingListHref = (collection: QueueItem['collection']) =>
    `${admin}/collections/${collection}?where[review.status][equals]=pending`
  const waitingLists = (Object.keys(collectionLabels) as QueueItem['collection'][]).filter(
    (collection) => (queue.waitingIn[collection] ?? 0) > 0,
  )

  return (
    <section className="review-queue" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title" className="review-queue__title">
        发布审核
        {settings.reviewSteps > 0 ? `（${settings.reviewSteps} 步审核）` : '（已关闭）'}
      </h2>
      <div className="review-queue__grid">
        {reviewer && (
          <div className="review-queue__box">
            <h3 className="review-queue__label">待审核</h3>
            <p className="review-queue__count" data-testid="review-waiting">
              {queue.waiting} 项
            </p>
            {queue.oldest.length === 0 ? (
              <p className="review-queue__empty">没有等待审核的内容。</p>
            ) : (
              <ul className="review-queue__list" aria-label="等待最久的内容">
                {queue.oldest.map((item, index) => (
                  <li key={`${item.collection}-${item.id}`} className="review-queue__item">
                    <a href={docHref(item)}>{item.title}</a>
                    <p className="review-queue__meta">
                      {collectionLabels[item.collection]} · {name(item.review.submittedBy)} 提交于{' '}
                      {item.review.submittedAt ? (
                        <>
                          <time dateTime={item.review.submittedAt}>
                            {formatTime(item.review.submittedAt)}
                          </time>
                          （{waited(item.review.submittedAt)}）
                        </>
                      ) : (
                        '—'
                      )}
                      {item.review.approvals.length > 0 &&
                        ` · 已通过 ${item.review.approvals.length}/${settings.reviewSteps}`}
                    </p>
                    {compareHrefs[index] && (
                      <a className="review-queue__meta" href={compareHrefs[index]!}>
                        对比线上版本：{item.title}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {waitingLists.length > 0 && (
              <p className="review-queue__all">
                全部待审核：
                {waitingLists.map((collection, index) => (
                  <React.Fragment key={collection}>
                    {index > 0 && '、'}
                    <a href={pendingListHref(collection)}>
                      {collectionLabels[collection]} {queue.waitingIn[collection]} 项
                    </a>
                  </React.Fragment>
                ))}
              </p>
            )}
          </div>
        )}
        {reviewer && queue.recentlyReset.length > 0 && (
          <div className="review-queue__box">
            <h3 className="review-queue__label">审核中被修改（已退回草稿）</h3>
            <ul className="review-queue__list">
              {queue.recentlyReset.map((item) => (
                <li key={`${item.collection}-${item.id}`} className="review-queue__item">
                  <a href={docHref(item)}>{item.title}</a>
                  <p className="review-queue__meta">{item.review.note}</p>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="review-queue__box">
          <h3 className="review-queue__label">退回给我的内容</h3>
          {queue.returnedToMe.length === 0 ? (
            <p className="review-queue__empty">没有被退回的内容。</p>
          ) : (
            <ul className="review-queue__list">
              {queue.returnedToMe.map((item) => (
                <li key={`${item.collection}-${item.id}`} className="review-queue__item">
                  <a href={docHref(item)}>{item.title}</a>
                  <p className="review-queue__meta">
                    {collectionLabels[item.collection]} · {name(item.review.returnedBy)} 退回于{' '}
                    {item.review.returnedAt ? formatTime(item.review.returnedAt) : '—'}
                  </p>
                  <p className="review-queue__comment">退回意见：{item.review.returnComment}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  )
}
