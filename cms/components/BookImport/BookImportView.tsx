import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import { canPublish } from '../../access/roles'
import { BookImportForm } from './BookImportForm'
import './bookImport.scss'

/** 导入馆藏 (admin/import/books): a page of the admin, in its frame, for editors and admins. */
export function BookImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const admin = req.payload.config.routes.admin
  if (!req.user) redirect(`${admin}/login`)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="book-import">
        <h1>导入馆藏</h1>
        {canPublish(req.user) ? <BookImportForm /> : <p>只有编辑或管理员可以导入馆藏。</p>}
      </Gutter>
    </DefaultTemplate>
  )
}
