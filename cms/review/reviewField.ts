import type { FieldAccess, GroupField } from 'payload'
import { isStaffUser } from '../access/roles'
import { returnCommentMaxLength, reviewStatusLabels, reviewStatuses } from './reviewStates'

const staffOnly: FieldAccess = ({ req: { user } }) => isStaffUser(user)
const noOne: FieldAccess = () => false

// People are named in the notice above the form (editors may not read other accounts, so the
// relationship fields themselves would show ids): kept out of the sidebar.
const inNoticeOnly = { hidden: true }

const dateAdmin = {
  readOnly: true,
  date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy年M月d日 HH:mm' },
}

/**
 * The document's review state (see reviewStates.ts). Nobody writes it through the API or the
 * form: the review actions and enforceReview set it, and anything a client sends for it is
 * replaced by the stored state. Staff only; shown read-only in the sidebar.
 */
export function reviewField(): GroupField {
  return {
    name: 'review',
    type: 'group',
    label: '发布审核',
    access: { read: staffOnly, create: noOne, update: noOne },
    admin: {
      position: 'sidebar',
      description: '由上方的“提交审核”“通过”“退回”等按钮更新。',
    },
    fields: [
      {
        name: 'status',
        type: 'select',
        label: '审核状态',
        defaultValue: 'draft',
        index: true,
        options: reviewStatuses.map((value) => ({ value, label: reviewStatusLabels[value] })),
      },
      {
        name: 'submittedBy',
        type: 'relationship',
        relationTo: 'users',
        label: '提交人',
        admin: inNoticeOnly,
      },
      { name: 'submittedAt', type: 'date', label: '提交时间', admin: dateAdmin },
      {
        name: 'approvals',
        type: 'array',
        label: '审核通过',
        labels: { singular: '审核通过', plural: '审核通过' },
        admin: inNoticeOnly,
        fields: [
          { name: 'reviewer', type: 'relationship', relationTo: 'users', label: '审核人' },
          { name: 'at', type: 'date', label: '通过时间', admin: dateAdmin },
        ],
      },
      {
        name: 'returnComment',
        type: 'textarea',
        label: '退回意见',
        maxLength: returnCommentMaxLength,
      },
      {
        name: 'returnedBy',
        type: 'relationship',
        relationTo: 'users',
        label: '退回人',
        admin: inNoticeOnly,
      },
      { name: 'returnedAt', type: 'date', label: '退回时间', admin: dateAdmin },
      { name: 'note', type: 'textarea', label: '审核提示' },
      { name: 'resetAt', type: 'date', label: '退回草稿时间', admin: dateAdmin },
    ],
  }
}
