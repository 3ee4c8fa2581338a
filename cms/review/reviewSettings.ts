/**
 * The site's review settings, kept in the `site` global (网站设置 → 发布审核): how many reviewers
 * must approve before content is published, and whether editors' own work needs them too. Read
 * inside the caller's transaction, so a save is judged by the settings it commits with.
 */
import type { Field, FieldAccess, PayloadRequest } from 'payload'
import { isStaffUser } from '../access/roles'
import { noReview, type ReviewSettings } from './reviewRules'

const staffOnly: FieldAccess = ({ req: { user } }) => isStaffUser(user)

/** The fields added to the `site` global. Staff read them; the public export never sees them. */
export function reviewSettingsFields(): Field[] {
  return [
    {
      type: 'collapsible',
      label: '发布审核',
      admin: {
        initCollapsed: false,
        description:
          '活动新闻、展览、展品和讲座发布前的审核（三审）。审核人为编辑或管理员，不能审核自己提交的内容。',
      },
      fields: [
        {
          name: 'reviewSteps',
          type: 'number',
          label: '发布审核步骤',
          required: true,
          defaultValue: 0,
          min: 0,
          max: 2,
          access: { read: staffOnly },
          admin: {
            step: 1,
            description:
              '0：不审核，编辑可直接发布；1：须一位审核人通过；2：须两位不同的审核人先后通过。',
          },
          validate: (value: number | null | undefined) =>
            value === 0 || value === 1 || value === 2 || '发布审核步骤只能是 0、1 或 2。',
        },
        {
          name: 'editorsNeedReview',
          type: 'checkbox',
          label: '编辑和管理员发布也须审核',
          defaultValue: false,
          access: { read: staffOnly },
          admin: {
            description: '不勾选时，只有投稿人的内容须审核；编辑和管理员可直接发布自己的内容。',
          },
        },
      ],
    },
  ]
}

/** The names of the settings fields (changing only these does not rebuild the public site). */
export const reviewSettingNames = ['reviewSteps', 'editorsNeedReview'] as const

/**
 * The current review settings, read past access inside the request's transaction (an admin
 * component passes just `{ payload }`).
 */
export async function readReviewSettings(
  req: Pick<PayloadRequest, 'payload'> & Partial<PayloadRequest>,
): Promise<ReviewSettings> {
  const site = (await req.payload.db.findGlobal({ slug: 'site', req: req as PayloadRequest })) as
    { reviewSteps?: unknown; editorsNeedReview?: unknown } | undefined
  if (!site) return noReview
  const steps = Number(site.reviewSteps)
  return {
    reviewSteps: steps === 1 || steps === 2 ? steps : 0,
    editorsNeedReview: site.editorsNeedReview === true,
  }
}
