import type { TextField } from 'payload'

/** Free keywords; readers can browse by them on the site. */
export function tagsField(): TextField {
  return {
    name: 'tags',
    type: 'text',
    hasMany: true,
    label: '标签',
    admin: {
      description: '输入后按回车添加，如：主题党日、志愿服务。',
      components: { Cell: '/cms/components/JoinedTextCell#JoinedTextCell' },
    },
  }
}
