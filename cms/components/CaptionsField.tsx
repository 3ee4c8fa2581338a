'use client'
import React, { useState, type ChangeEvent } from 'react'
import type { TextareaFieldClientComponent } from 'payload'
import { TextareaInput, useField } from '@payloadcms/ui'
import { normaliseCaptions } from '../../shared/captions'

/**
 * Text of an uploaded subtitle file: UTF-8 (with or without BOM) when it is valid UTF-8, otherwise
 * GB18030 (a superset of GBK, which subtitle tools on Chinese Windows write).
 */
async function readSubtitleFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer()
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/**
 * The captions field: upload a .vtt or .srt file (read in the browser and checked at once, with
 * the line of any timing error); the text stays editable. The server checks and converts again on
 * save, so REST and GraphQL clients get the same rules.
 */
export const CaptionsField: TextareaFieldClientComponent = ({ field, path, readOnly }) => {
  const { value, setValue, showError, errorMessage } = useField<string>({ path })
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null)

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    const text = await readSubtitleFile(file)
    if (!text.trim()) {
      setNote({ text: `未载入“${file.name}”：文件是空的。`, error: true })
      return
    }
    const result = normaliseCaptions(text)
    if (!result.ok) {
      setNote({ text: `未载入“${file.name}”。${result.message}`, error: true })
      return
    }
    setValue(result.vtt)
    setNote({
      text: `已载入“${file.name}”：${result.cues.length} 条字幕${/\.srt$/i.test(file.name) ? '（已由 SRT 转换为 WebVTT）' : ''}。保存后生效。`,
      error: false,
    })
  }

  const cueCount = value ? (value.match(/-->/g)?.length ?? 0) : 0
  return (
    <div className="field-type captions-field">
      <TextareaInput
        path={path}
        label={field.label}
        description={field.admin?.description}
        value={value ?? ''}
        rows={8}
        readOnly={readOnly}
        showError={showError}
        Error={showError ? errorMessage : undefined}
        onChange={(event) => setValue(event.target.value)}
        BeforeInput={
          <p style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
            <label className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }}>
              上传字幕文件（.vtt 或 .srt）
              <input
                type="file"
                accept=".vtt,.srt,text/vtt,application/x-subrip"
                disabled={readOnly}
                onChange={(event) => void onFile(event)}
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
              />
            </label>
            {value ? <span>当前共 {cueCount} 条字幕</span> : <span>尚未上传字幕</span>}
            {value && !readOnly ? (
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                style={{ margin: 0 }}
                onClick={() => {
                  setValue('')
                  setNote({ text: '已清除字幕，保存后生效。', error: false })
                }}
              >
                清除字幕
              </button>
            ) : null}
          </p>
        }
        AfterInput={
          note ? (
            <p role="status" style={{ color: note.error ? 'var(--theme-error-500)' : undefined }}>
              {note.text}
            </p>
          ) : null
        }
      />
    </div>
  )
}
