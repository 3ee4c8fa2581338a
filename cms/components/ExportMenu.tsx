'use client'
/**
 * The 导出 menu in a collection's admin list (added by collectionExportPlugin): links that download
 * the collection as CSV, Excel or JSON from GET /api/<slug>/export — all of it, or what the list's
 * filter shows when one is set. Plain links with the login cookie, so the browser's own download
 * handling applies; shown to staff only (the endpoint checks again).
 */
import React from 'react'
import { useSearchParams } from 'next/navigation'
import { Popup, PopupList, useAuth, useConfig } from '@payloadcms/ui'
import { isStaffUser } from '../access/roles'
import { exportFormatNames, exportFormats } from '../collectionExport/exportFormats'
import './exportMenu.scss'

export function ExportMenu({ collectionSlug }: { collectionSlug: string }) {
  const { user } = useAuth()
  const searchParams = useSearchParams()
  // The list's filter (`where[…]`), passed on as it is.
  const filter = [...(searchParams?.entries() ?? [])]
    .filter(([key]) => key.startsWith('where'))
    .map(([key, value]) => `&${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('')
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  if (!isStaffUser(user as never)) return null
  return (
    <Popup className="export-menu" button="导出" horizontalAlign="right">
      <PopupList.ButtonGroup>
        <PopupList.GroupLabel label={filter ? '导出筛选出的记录' : '导出全部记录'} />
        {exportFormatNames.map((format) => (
          <a
            key={format}
            className="popup-button-list__button"
            href={`${api}/${collectionSlug}/export?format=${format}${filter}`}
            download
          >
            {exportFormats[format].label}
          </a>
        ))}
      </PopupList.ButtonGroup>
    </Popup>
  )
}
