'use client'
import { useEffect } from 'react'
import { useStepNav } from '@payloadcms/ui'

/** The breadcrumb for the 操作日志 list (the default list view would set it). */
export function AuditLogStepNav() {
  const { setStepNav } = useStepNav()
  useEffect(() => setStepNav([{ label: '操作日志' }]), [setStepNav])
  return null
}
