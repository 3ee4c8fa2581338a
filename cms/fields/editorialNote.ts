import type { FieldAccess, TextareaField } from 'payload'
import { isStaffUser } from '../access/roles'

const staffOnly: FieldAccess = ({ req: { user } }) => isStaffUser(user)

/** Notes among editors. Never returned to the public, through any API. */
export function editorialNoteField(): TextareaField {
  return {
    name: 'editorialNote',
    type: 'textarea',
    label: '编辑备注（不公开）',
    access: { read: staffOnly, create: staffOnly, update: staffOnly },
    admin: { position: 'sidebar', description: '仅后台可见，例如审核意见、来源说明。' },
  }
}
