'use client'
/**
 * A list-view cell for a `hasMany` text or number field: the values joined with 、 (马克思、恩格斯),
 * where Payload's default cell prints the JSON array (["马克思","恩格斯"]). Everything else (the
 * link on a first column, the empty placeholder) is Payload's DefaultCell.
 */
import React from 'react'
import type { DefaultCellComponentProps } from 'payload'
import { DefaultCell } from '@payloadcms/ui'

function joinValues(value: unknown): string {
  if (!Array.isArray(value)) return value === null || value === undefined ? '' : String(value)
  return value
    .filter((item) => item !== null && item !== undefined && item !== '')
    .map(String)
    .join('、')
}

export function JoinedTextCell(props: DefaultCellComponentProps) {
  return <DefaultCell {...props} cellData={joinValues(props.cellData)} />
}
