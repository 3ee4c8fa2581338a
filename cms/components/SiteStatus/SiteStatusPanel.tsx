'use client'
import React, { useCallback, useEffect, useState } from 'react'
import { Button, toast, useAuth, useConfig } from '@payloadcms/ui'
import { canPublish } from '../../access/roles'
import type { SiteStatus } from '../../payload-types'
import { formatAgo, formatBytes, formatClock, formatDuration, formatTime } from './formatStatus'
import './siteStatus.scss'

const pollIntervalMs = 2500

interface Snapshot {
  status: SiteStatus | null
  pending: number | null
  /** The last poll failed (CMS restarting, session expired). */
  stale: boolean
  /** When the status was read: elapsed times count to it, so rendering stays pure. */
  polledAt: number
}

/** One reading of the status, as the dashboard makes it on the server (SiteStatusOnDashboard). */
export interface SiteStatusReading {
  status: SiteStatus | null
  pending: number
  /** When it was read (ms since the epoch). */
  at: number
}

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { credentials: 'include', signal })
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return response.json() as Promise<T>
}

/**
 * Polls the publisher's status and the number of queued changes while the tab is visible: at
 * once, or one interval after `initial` when the page came with a reading.
 */
function useSiteStatus(api: string, initial?: SiteStatusReading): Snapshot {
  const [snapshot, setSnapshot] = useState<Snapshot>(() =>
    initial
      ? { status: initial.status, pending: initial.pending, stale: false, polledAt: initial.at }
      : { status: null, pending: null, stale: false, polledAt: 0 },
  )
  const readAlready = initial !== undefined
  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      if (document.visibilityState !== 'hidden') {
        try {
          const [status, queue] = await Promise.all([
            getJson<SiteStatus>(`${api}/globals/site-status?depth=0`, controller.signal),
            getJson<{ totalDocs: number }>(`${api}/site-changes/count`, controller.signal),
          ])
          setSnapshot({ status, pending: queue.totalDocs, stale: false, polledAt: Date.now() })
        } catch {
          if (controller.signal.aborted) return
          setSnapshot((previous) => ({ ...previous, stale: true }))
        }
      }
      if (!controller.signal.aborted) timer = setTimeout(poll, pollIntervalMs)
    }
    if (readAlready) timer = setTimeout(poll, pollIntervalMs)
    else void poll()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [api, readAlready])
  return snapshot
}

function Item({
  label,
  children,
  tone,
}: {
  label: string
  children: React.ReactNode
  tone?: 'busy' | 'failed'
}) {
  return (
    <div className={`site-status__item${tone ? ` site-status__item--${tone}` : ''}`}>
      <h3 className="site-status__label">{label}</h3>
      {children}
    </div>
  )
}

/**
 * A time with how long before the reading (`now`) it was, or 暂无 when the publisher has not done
 * it yet. Counted to the reading, not the clock: the server and the browser render the same text.
 */
function When({ at, now }: { at?: string | null; now: number }) {
  if (!at) return <p className="site-status__value site-status__muted">暂无</p>
  return (
    <p className="site-status__value">
      <time dateTime={at}>{formatTime(at)}</time>{' '}
      <span className="site-status__muted">（{formatAgo(at, now)}）</span>
    </p>
  )
}

const detail = (parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join('，')

/**
 * 网站状态: what the publisher last did and is doing, how many changes wait, the last failure,
 * and (editors and admins) a 全部重建 button. On the dashboard (SiteStatusOnDashboard, with a first
 * reading) and as the 网站状态 page.
 */
export function SiteStatusPanel({ initial }: { initial?: SiteStatusReading }) {
  const { user } = useAuth()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { status, pending, stale, polledAt } = useSiteStatus(api, initial)
  const [rebuildRequestedAt, setRebuildRequestedAt] = useState<string | null>(null)
  const [requesting, setRequesting] = useState(false)

  const requestRebuild = useCallback(async () => {
    setRequesting(true)
    try {
      const response = await fetch(`${api}/site-changes/rebuild`, {
        method: 'POST',
        credentials: 'include',
      })
      if (response.status !== 202) {
        const body = (await response.json().catch(() => null)) as {
          errors?: { message?: string }[]
        } | null
        throw new Error(body?.errors?.[0]?.message || `请求失败（${response.status}）`)
      }
      setRebuildRequestedAt(new Date().toISOString())
      toast.success('已请求全部重建，发布程序将重新生成整个网站。')
    } catch (error) {
      toast.error(`未能请求全部重建：${(error as Error).message}`)
    } finally {
      setRequesting(false)
    }
  }, [api])

  const { lastUpdate, lastFullBuild, working, lastError, lastBackup } = status ?? {}
  const backupFailed = Boolean(
    lastBackup?.failedAt && (!lastBackup.at || lastBackup.failedAt > lastBackup.at),
  )
  const lastSuccess = [lastUpdate?.at, lastFullBuild?.at].filter(Boolean).sort().pop()
  const recoveredSinceError = Boolean(lastError?.at && lastSuccess && lastSuccess > lastError.at)

  return (
    <section
      className="site-status"
      aria-labelledby="site-status-title"
      aria-busy={status === null && !stale}
    >
      <header className="site-status__header">
        <h2 id="site-status-title" className="site-status__title">
          网站状态
        </h2>
        {canPublish(user) && (
          <div className="site-status__actions">
            {rebuildRequestedAt && (
              <span className="site-status__muted" role="status">
                已于 {formatClock(rebuildRequestedAt)} 请求全部重建
              </span>
            )}
            <Button
              buttonStyle="secondary"
              size="medium"
              margin={false}
              disabled={requesting}
              onClick={requestRebuild}
            >
              {requesting ? '正在请求……' : '全部重建'}
            </Button>
          </div>
        )}
      </header>
      {stale && <p className="site-status__muted">暂时无法读取状态，稍后自动重试。</p>}
      <div className="site-status__grid">
        <Item label="上次更新">
          <When at={lastUpdate?.at} now={polledAt} />
          {lastUpdate?.at && (
            <p className="site-status__detail">
              {detail([
                lastUpdate.durationMs != null && `用时 ${formatDuration(lastUpdate.durationMs)}`,
                lastUpdate.pages != null && `${lastUpdate.pages} 个页面`,
                lastUpdate.changes != null && `${lastUpdate.changes} 项变更`,
              ])}
            </p>
          )}
        </Item>
        <Item label="上次全量构建">
          <When at={lastFullBuild?.at} now={polledAt} />
          {lastFullBuild?.at && (
            <p className="site-status__detail">
              {detail([
                lastFullBuild.durationMs != null &&
                  `用时 ${formatDuration(lastFullBuild.durationMs)}`,
                lastFullBuild.pages != null && `${lastFullBuild.pages} 个页面`,
                lastFullBuild.reason && `原因：${lastFullBuild.reason}`,
              ])}
            </p>
          )}
        </Item>
        <Item label="正在进行" tone={working?.task ? 'busy' : undefined}>
          {working?.task ? (
            <>
              <p className="site-status__value">{working.task}</p>
              {working.since && (
                <p className="site-status__detail">
                  开始于 <time dateTime={working.since}>{formatTime(working.since)}</time>，已进行{' '}
                  {formatDuration(Math.max(0, polledAt - new Date(working.since).getTime()))}
                </p>
              )}
            </>
          ) : (
            <p className="site-status__value site-status__muted">{status ? '空闲' : '读取中……'}</p>
          )}
        </Item>
        <Item label="上次备份" tone={backupFailed ? 'failed' : undefined}>
          <When at={lastBackup?.at} now={polledAt} />
          {lastBackup?.at && (
            <p className="site-status__detail">
              {detail([
                lastBackup.bytes != null && formatBytes(lastBackup.bytes),
                lastBackup.durationMs != null && `用时 ${formatDuration(lastBackup.durationMs)}`,
                lastBackup.file,
              ])}
            </p>
          )}
          {backupFailed && lastBackup?.failedAt && (
            <p className="site-status__detail site-status__failure" role="alert">
              备份失败于{' '}
              <time dateTime={lastBackup.failedAt}>{formatTime(lastBackup.failedAt)}</time>：
              {lastBackup.error || '原因未知'}
            </p>
          )}
        </Item>
        <Item label="待发布变更">
          <p className="site-status__value site-status__count">{pending ?? '—'}</p>
          <p className="site-status__detail">
            {pending ? '项变更等待发布到网站' : '没有等待发布的变更'}
          </p>
        </Item>
      </div>
      {lastError?.at && (
        <div
          className={`site-status__error${recoveredSinceError ? ' site-status__error--recovered' : ''}`}
        >
          <h3 className="site-status__label">
            最近一次失败 <time dateTime={lastError.at}>{formatTime(lastError.at)}</time>
            {recoveredSinceError && <span className="site-status__muted">（此后已成功更新）</span>}
          </h3>
          {lastError.message && <pre className="site-status__message">{lastError.message}</pre>}
        </div>
      )}
    </section>
  )
}
