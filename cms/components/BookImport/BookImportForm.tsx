'use client'
import { Button, useConfig, useStepNav } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useEffect, useState } from 'react'
import type { ImportPreview } from '../../bookImport/importBooks'

type Encoding = 'auto' | 'utf-8' | 'gb18030'
type Mode = 'valid' | 'all'
type Progress = { done: number; total: number }
type Outcome = { ok: boolean; message: string }

const actionLabels = { new: '新增', updated: '更新', unchanged: '未变', invalid: '无效' } as const

const errorOf = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as {
    errors?: { message?: string }[]
  } | null
  return body?.errors?.[0]?.message ?? `请求失败（${response.status}）。`
}

/**
 * Upload → preview (counts, the column mapping to adjust, every invalid row and why) → confirm,
 * with progress read from the import's streamed lines.
 */
export function BookImportForm() {
  const { config } = useConfig()
  const { setStepNav } = useStepNav()
  const api = `${config.serverURL}${config.routes.api}/books`
  const [file, setFile] = useState<File | null>(null)
  const [encoding, setEncoding] = useState<Encoding>('auto')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  useEffect(
    () =>
      setStepNav([
        { label: '汇书房馆藏', url: `${config.routes.admin}/collections/books` },
        { label: '导入' },
      ]),
    [setStepNav, config.routes.admin],
  )

  const formData = (choices: Record<string, unknown>) => {
    const data = new FormData()
    data.append('file', file!)
    data.append('_payload', JSON.stringify({ encoding, ...choices }))
    return data
  }

  const runPreview = async (mapping?: ImportPreview['mapping']) => {
    if (!file) return
    setBusy(true)
    setError(null)
    setOutcome(null)
    try {
      const response = await fetch(`${api}/import/preview`, {
        method: 'POST',
        body: formData({ mapping }),
        credentials: 'include',
      })
      if (!response.ok) {
        setPreview(null)
        setError(await errorOf(response))
      } else setPreview((await response.json()) as ImportPreview)
    } catch {
      setError('网络错误，请重试。')
    } finally {
      setBusy(false)
    }
  }

  const runImport = async (mode: Mode) => {
    if (!file || !preview) return
    setBusy(true)
    setError(null)
    setProgress({ done: 0, total: preview.counts.new + preview.counts.updated })
    try {
      const response = await fetch(`${api}/import`, {
        method: 'POST',
        body: formData({ mapping: preview.mapping, mode }),
        credentials: 'include',
      })
      if (!response.ok || !response.body) {
        setOutcome({ ok: false, message: await errorOf(response) })
        return
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffered = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buffered += value
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line) as
            | { type: 'progress'; done: number; total: number }
            | { type: 'done' | 'error'; message: string }
          if (event.type === 'progress') setProgress({ done: event.done, total: event.total })
          else setOutcome({ ok: event.type === 'done', message: event.message })
        }
      }
    } catch {
      setOutcome({
        ok: false,
        message: '网络中断：导入要么全部完成，要么没有写入，请刷新馆藏列表确认。',
      })
    } finally {
      setBusy(false)
      setPreview(null)
    }
  }

  const changeMapping = (header: string, field: string) => {
    if (!preview) return
    const mapping = { ...preview.mapping }
    // One column per field: the column that had this field gives it up.
    for (const [other, mapped] of Object.entries(mapping))
      if (field && mapped === field) mapping[other] = null
    mapping[header] = field || null
    void runPreview(mapping)
  }

  return (
    <div className="book-import__form">
      <p className="book-import__help">
        支持 Excel（.xlsx）、CSV（UTF-8 或 GBK）和 MARC（ISO 2709，CNMARC 或 MARC21，.mrc、.iso）。
        先预览：按 ISBN（无 ISBN
        时按索书号）判断新增、更新或未变，并列出每个无效行的原因；确认后作为一个整体导入，
        中途出错则一本也不写入。
      </p>
      <div className="book-import__pick">
        <label>
          文件
          <input
            type="file"
            name="file"
            accept=".xlsx,.csv,.txt,.mrc,.iso,.marc"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setPreview(null)
              setOutcome(null)
            }}
          />
        </label>
        <label>
          文字编码（CSV）
          <select
            name="encoding"
            value={encoding}
            onChange={(event) => setEncoding(event.target.value as Encoding)}
          >
            <option value="auto">自动识别</option>
            <option value="utf-8">UTF-8</option>
            <option value="gb18030">GBK / GB18030</option>
          </select>
        </label>
        <Button disabled={!file || busy} onClick={() => void runPreview()}>
          预览
        </Button>
      </div>

      {error && (
        <p className="book-import__error" role="alert">
          {error}
        </p>
      )}

      {preview && (
        <section className="book-import__preview" aria-label="导入预览">
          <p>
            {preview.fileName}：{preview.formatLabel}
            {preview.encoding &&
              `，编码 ${preview.encoding === 'gb18030' ? 'GBK / GB18030' : 'UTF-8'}`}
            {preview.standard && `，${preview.standard}`}，共 {preview.total} 行。
          </p>
          <ul className="book-import__counts">
            {(Object.keys(actionLabels) as (keyof typeof actionLabels)[]).map((action) => (
              <li key={action} data-action={action}>
                {actionLabels[action]} <strong>{preview.counts[action]}</strong>
              </li>
            ))}
          </ul>

          <h2>列对应</h2>
          <table className="book-import__table">
            <thead>
              <tr>
                <th>文件中的列</th>
                <th>导入为</th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((header) => (
                <tr key={header}>
                  <td>{header}</td>
                  <td>
                    <select
                      aria-label={`列「${header}」导入为`}
                      value={preview.mapping[header] ?? ''}
                      disabled={busy}
                      onChange={(event) => changeMapping(header, event.target.value)}
                    >
                      <option value="">不导入</option>
                      {preview.fields.map((field) => (
                        <option key={field.name} value={field.name}>
                          {field.label}
                          {field.required ? '（必填）' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {preview.invalid.length > 0 && (
            <>
              <h2>无效的行（{preview.counts.invalid}）</h2>
              <table className="book-import__table book-import__invalid">
                <thead>
                  <tr>
                    <th>行号</th>
                    <th>书名</th>
                    <th>原因</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.invalid.map((row) => (
                    <tr key={row.rowNumber}>
                      <td>{row.rowNumber}</td>
                      <td>{row.title}</td>
                      <td>{row.problems.join(' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          {preview.changes.length > 0 && (
            <>
              <h2>将要写入（前 {preview.changes.length} 条）</h2>
              <ul className="book-import__changes">
                {preview.changes.map((row) => (
                  <li key={row.rowNumber}>
                    第 {row.rowNumber} 行 {actionLabels[row.action]}：{row.title}
                    {row.changes?.length ? `（${row.changes.join('、')}）` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}

          <div className="book-import__confirm">
            <Button
              disabled={busy || preview.counts.new + preview.counts.updated === 0}
              onClick={() => void runImport('valid')}
            >
              导入有效的 {preview.counts.new + preview.counts.updated} 条
              {preview.counts.invalid ? `（跳过 ${preview.counts.invalid} 行无效）` : ''}
            </Button>
            <Button
              buttonStyle="secondary"
              disabled={busy || preview.counts.invalid > 0}
              onClick={() => void runImport('all')}
            >
              全部有效才导入
            </Button>
            {preview.counts.new + preview.counts.updated === 0 && (
              <p>馆藏已与文件一致，无需导入。</p>
            )}
          </div>
        </section>
      )}

      {progress && busy && (
        <p className="book-import__progress">
          <progress max={progress.total || 1} value={progress.done} /> 正在导入 {progress.done}/
          {progress.total}……
        </p>
      )}
      {outcome && (
        <p
          className={outcome.ok ? 'book-import__done' : 'book-import__error'}
          role={outcome.ok ? 'status' : 'alert'}
        >
          {outcome.message}
          {outcome.ok && (
            <>
              {' '}
              <Link href={`${config.routes.admin}/collections/books`}>查看馆藏</Link>
              ；公开网站将在几秒内更新。
            </>
          )}
        </p>
      )}
    </div>
  )
}
