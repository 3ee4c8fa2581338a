'use client'
import React, { useEffect } from 'react'
import { Gutter, useStepNav } from '@payloadcms/ui'
import { SiteStatusPanel } from './SiteStatusPanel'

/** The 网站状态 page (系统 → 网站状态): the panel instead of an edit form, since no one edits this global. */
export function SiteStatusView() {
  const { setStepNav } = useStepNav()
  useEffect(() => setStepNav([{ label: '网站状态' }]), [setStepNav])
  return (
    <Gutter className="site-status-view">
      <SiteStatusPanel />
    </Gutter>
  )
}
