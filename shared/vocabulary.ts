/**
 * Controlled vocabularies shared by the CMS (select options) and the site (labels, URLs).
 * Values are stable URL-safe keys; labels are what readers see.
 */

export const newsCategories = {
  'party-building': '党建活动',
  'red-collar-lecture': '红领讲堂',
  volunteer: '志愿服务',
  'joint-meeting': '联席会议',
  'business-services': '惠企服务',
  'party-history': '党史学习教育',
  governance: '楼宇治理',
} as const
export type NewsCategory = keyof typeof newsCategories

export const lectureSeries = {
  'red-collar': '红领讲堂',
  'party-history': '党史专题',
  ideology: '思政课',
  policy: '政策宣讲',
} as const
export type LectureSeries = keyof typeof lectureSeries

export const bookLocations = {
  'reading-room': '汇书房',
  'unattended-library': '无人值守图书馆',
  'party-reading-area': '党建阅览区',
} as const
export type BookLocation = keyof typeof bookLocations

/** Turns a label map into Payload select options. */
export function toOptions<T extends Record<string, string>>(labels: T) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }))
}
