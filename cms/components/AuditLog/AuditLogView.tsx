/**
 * The 操作日志 list (replaces Payload's list view for `audit-log`): a filter by person, action,
 * collection, document and date; the entries newest first, 50 a page, each with its changed
 * fields before and after; CSV and Excel downloads of what the filter shows. Read-only: there is
 * nothing to select, edit or delete. Payload has already queried the page (with the URL's
 * `where`, access applied); this renders it.
 */
import type { PaginatedDocs, Payload, SanitizedCollectionConfig, TypedUser } from 'payload'
import { Gutter } from '@payloadcms/ui'
import React from 'react'
import { auditActionLabels, type AuditAction, type FieldChange } from '../../audit/auditActions'
import { formatTime } from '../SiteStatus/formatStatus'
import { filterParams, readFilter } from './auditLogFilter'
import { AuditLogFilters } from './AuditLogFilters'
import { AuditLogStepNav } from './AuditLogStepNav'
import './auditLog.scss'

interface Entry {
  id: number | string
  action: AuditAction
  actorName?: string | null
  targetCollection: string
  documentId?: string | null
  documentTitle?: string | null
  summary?: string | null
  changes?: FieldChange[] | null
  clientAddress?: string | null
  createdAt: string
}

type SearchParams = Record<string, string | string[] | undefined>

function optionsOf(config: SanitizedCollectionConfig, name: string) {
  const field = config.fields.find((candidate) => 'name' in candidate && candidate.name === name)
  const options = field && 'options' in field ? field.options : []
  return options.map((option) =>
    typeof option === 'string'
      ? { value: option, label: option }
      : {
          value: option.value,
          label: typeof option.label === 'string' ? option.label : option.value,
        },
  )
}

export async function AuditLogView({
  collectionConfig,
  data,
  payload,
  searchParams,
  user,
}: {
  collectionConfig: SanitizedCollectionConfig
  data: PaginatedDocs<Entry>
  payload: Payload
  searchParams?: SearchParams
  user?: TypedUser | null
}) {
  const admin = payload.config.routes.admin
  const api = payload.config.routes.api
  const listPath = `${admin}/collections/${collectionConfig.slug}`
  const filter = readFilter(searchParams)
  const query = filterParams(filter).toString()
  const targets = optionsOf(collectionConfig, 'targetCollection')
  const targetLabel = new Map(targets.map((target) => [target.value, target.label]))
  const { docs: people } = await payload.find({
    collection: 'users',
    depth: 0,
    limit: 1000,
    pagination: false,
    sort: 'name',
    select: { name: true, email: true },
    user,
    overrideAccess: false,
  })
  const pageHref = (page: number) =>
    `${listPath}?${[query, `page=${page}`].filter(Boolean).join('&')}`
  const exportHref = (format: 'csv' | 'xlsx') =>
    `${api}/${collectionConfig.slug}/export?format=${format}${query ? `&${query}` : ''}`
  const documentHref = (entry: Entry) =>
    entry.documentId &&
    entry.action !== 'delete' &&
    payload.collections[entry.targetCollection as 'news']
      ? `${admin}/collections/${entry.targetCollection}/${entry.documentId}`
      : null

  return (
    <Gutter className="audit-log">
      <AuditLogStepNav />
      <h1 className="audit-log__title">操作日志</h1>
      <p className="audit-log__description">
        谁在何时做了什么。日志只能由系统追加，任何人都不能修改或删除。
      </p>
      <AuditLogFilters
        initial={filter}
        people={people.map((person) => ({
          value: String(person.id),
          label: person.name ? `${person.name}（${person.email}）` : person.email,
        }))}
        actions={optionsOf(collectionConfig, 'action')}
        targets={targets}
        listPath={listPath}
      />
      <div className="audit-log__bar">
        <p className="audit-log__count" role="status">
          {query ? '筛选出' : '共'} {data.totalDocs.toLocaleString('zh-CN')} 条
          {data.totalPages > 1 && `，第 ${data.page} / ${data.totalPages} 页`}
        </p>
        <p className="audit-log__downloads">
          下载{query ? '筛选出的记录' : '全部记录'}：<a href={exportHref('csv')}>CSV</a>
          {' · '}
          <a href={exportHref('xlsx')}>Excel</a>
        </p>
      </div>
      {data.docs.length === 0 ? (
        <p className="audit-log__empty">没有符合条件的记录。</p>
      ) : (
        <table className="audit-log__table">
          <caption className="audit-log__caption">操作日志，最新的在前</caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
              <th scope="col">对象类型</th>
              <th scope="col">对象</th>
              <th scope="col">摘要与修改</th>
            </tr>
          </thead>
          <tbody>
            {data.docs.map((entry) => {
              const href = documentHref(entry)
              const title = entry.documentTitle || entry.documentId || '—'
              return (
                <tr key={entry.id}>
                  <td className="audit-log__time">
                    <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time>
                  </td>
                  <td>{entry.actorName || '系统'}</td>
                  <td>{auditActionLabels[entry.action] ?? entry.action}</td>
                  <td>{targetLabel.get(entry.targetCollection) ?? entry.targetCollection}</td>
                  <td>{href ? <a href={href}>{title}</a> : title}</td>
                  <td className="audit-log__summary">
                    {entry.summary}
                    {(entry.changes?.length || entry.clientAddress) && (
                      <details className="audit-log__details">
                        <summary>详情</summary>
                        {entry.changes?.length ? (
                          <table className="audit-log__changes">
                            <thead>
                              <tr>
                                <th scope="col">字段</th>
                                <th scope="col">修改前</th>
                                <th scope="col">修改后</th>
                              </tr>
                            </thead>
                            <tbody>
                              {entry.changes.map((change, index) => (
                                <tr key={index}>
                                  <th scope="row">{change.label ?? change.field}</th>
                                  <td>{change.before ?? '（空）'}</td>
                                  <td>{change.after ?? '（空）'}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        ) : null}
                        {entry.clientAddress && <p>客户端地址：{entry.clientAddress}</p>}
                      </details>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {data.totalPages > 1 && (
        <nav className="audit-log__pages" aria-label="分页">
          {data.hasPrevPage && data.prevPage ? <a href={pageHref(data.prevPage)}>上一页</a> : null}
          {data.hasNextPage && data.nextPage ? <a href={pageHref(data.nextPage)}>下一页</a> : null}
        </nav>
      )}
    </Gutter>
  )
}
