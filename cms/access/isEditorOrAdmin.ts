import type { Access } from 'payload'
import { canPublish } from './roles'

/** Editors and admins: publishing, unpublishing and deleting. */
export const isEditorOrAdmin: Access = ({ req: { user } }) => canPublish(user)
