'use client'
import Link from 'next/link'
import { useAuth, useConfig } from '@payloadcms/ui'
import { canPublish } from '../../access/roles'
import { bookImportPath } from './bookImportPath'

/** 导入 on the 汇书房馆藏 list, for those who may import (editors and admins). */
export function ImportLink() {
  const { user } = useAuth()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  if (!canPublish(user as never)) return null
  return (
    <div className="book-import-link">
      {/* Not prefetched: that is one more server request at every load of the list, for a page opened rarely. */}
      <Link
        className="btn btn--style-secondary btn--size-small"
        href={`${admin}${bookImportPath}`}
        prefetch={false}
      >
        导入馆藏（Excel、CSV、MARC）
      </Link>
    </div>
  )
}
