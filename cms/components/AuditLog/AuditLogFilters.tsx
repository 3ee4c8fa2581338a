'use client'
import React, { useId, useState } from 'react'
import { useRouter } from 'next/navigation'
import { Button } from '@payloadcms/ui'
import { emptyFilter, filterParams, type AuditLogFilter } from './auditLogFilter'

interface Option {
  value: string
  label: string
}

/** The filter form above the log: person, action, collection, document, dates (China time). */
export function AuditLogFilters({
  initial,
  people,
  actions,
  targets,
  listPath,
}: {
  initial: AuditLogFilter
  people: Option[]
  actions: Option[]
  targets: Option[]
  listPath: string
}) {
  const router = useRouter()
  const [filter, setFilter] = useState(initial)
  const id = useId()
  const set =
    (field: keyof AuditLogFilter) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setFilter((previous) => ({ ...previous, [field]: event.target.value }))
  const select = (field: keyof AuditLogFilter, label: string, options: Option[]) => (
    <div className="audit-log__field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <select id={`${id}-${field}`} value={filter[field]} onChange={set(field)}>
        <option value="">全部</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
  const input = (field: keyof AuditLogFilter, label: string, type: 'date' | 'text') => (
    <div className="audit-log__field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input id={`${id}-${field}`} type={type} value={filter[field]} onChange={set(field)} />
    </div>
  )
  return (
    <form
      className="audit-log__filters"
      aria-label="筛选操作日志"
      onSubmit={(event) => {
        event.preventDefault()
        const query = filterParams(filter).toString()
        router.push(query ? `${listPath}?${query}` : listPath)
      }}
    >
      {select('actor', '操作人', people)}
      {select('action', '操作', actions)}
      {select('targetCollection', '对象类型', targets)}
      {input('documentId', '对象 ID', 'text')}
      {input('from', '开始日期', 'date')}
      {input('to', '结束日期', 'date')}
      <div className="audit-log__buttons">
        <Button type="submit" buttonStyle="primary" size="medium" margin={false}>
          筛选
        </Button>
        <Button
          buttonStyle="secondary"
          size="medium"
          margin={false}
          onClick={() => {
            setFilter(emptyFilter)
            router.push(listPath)
          }}
        >
          清除筛选
        </Button>
      </div>
    </form>
  )
}
