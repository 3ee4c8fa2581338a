import type { GlobalConfig } from 'payload'
import { anyone } from '../access/anyone'
import { isAdmin } from '../access/isAdmin'
import { imageField } from '../fields/media'
import { enqueueSiteSettingsChange } from '../hooks/enqueueSiteSettingsChange'

export const Site: GlobalConfig = {
  slug: 'site',
  label: '网站设置',
  admin: { group: '系统', description: '网站名称、品牌故事、核心数据、导航与联系方式。' },
  access: { read: anyone, update: isAdmin },
  hooks: { afterChange: [enqueueSiteSettingsChange] },
  fields: [
    { name: 'siteName', type: 'text', label: '网站名称', required: true, defaultValue: '红色山高' },
    { name: 'slogan', type: 'text', label: '口号' },
    imageField({
      name: 'shareImage',
      label: '分享图片',
      description:
        '在微信等处分享没有自己图片的页面（如没有封面的新闻、列表页）时显示，裁成 1200×630。留空时使用网站自动生成的默认图片。',
    }),
    { name: 'story', type: 'richText', label: '品牌故事' },
    {
      name: 'figures',
      type: 'array',
      label: '核心数据',
      labels: { singular: '数据', plural: '核心数据' },
      admin: { description: '首页与“关于我们”展示的数字，如 党员 564 名。' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', label: '名称', required: true },
            { name: 'value', type: 'number', label: '数值', required: true },
            { name: 'unit', type: 'text', label: '单位' },
          ],
        },
      ],
    },
    {
      name: 'navigation',
      type: 'array',
      label: '导航',
      labels: { singular: '链接', plural: '导航' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', label: '名称', required: true },
            { name: 'href', type: 'text', label: '链接', required: true },
          ],
        },
      ],
    },
    { name: 'footer', type: 'textarea', label: '页脚文字' },
    {
      name: 'contact',
      type: 'group',
      label: '联系方式',
      fields: [
        { name: 'address', type: 'text', label: '地址' },
        { name: 'phone', type: 'text', label: '电话' },
        { name: 'email', type: 'email', label: '电子邮箱' },
        { name: 'hours', type: 'text', label: '开放时间' },
      ],
    },
  ],
}
