/** What the media library accepts, by real content type (sniffed from the bytes, not the name). */
export const allowedMediaTypes = {
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/webp': 'WebP 图片',
  'image/avif': 'AVIF 图片',
  'image/gif': 'GIF 图片',
  'application/pdf': 'PDF 文档',
  'audio/mpeg': 'MP3 音频',
  'audio/mp4': 'M4A 音频',
  'audio/x-m4a': 'M4A 音频',
  'video/mp4': 'MP4 视频',
  'video/webm': 'WebM 视频',
  'audio/webm': 'WebM 音频',
} as const

export const allowedMediaTypesText = 'JPEG、PNG、WebP、AVIF、GIF 图片，PDF 文档，MP3、M4A 音频，MP4、WebM 视频'
