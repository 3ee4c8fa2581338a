import sharp from 'sharp'

/**
 * The image decoded and encoded again in its own format: pixels only. Whatever rode along (bytes
 * after the end marker, comments, metadata chunks, EXIF) is gone; orientation is applied first
 * because the EXIF that held it is dropped. Animated GIF and WebP keep their frames.
 */
export async function reencodeImage(data: Buffer, mimeType: string): Promise<Buffer> {
  const animated = mimeType === 'image/gif' || mimeType === 'image/webp'
  const image = sharp(data, { animated, failOn: 'error' }).rotate()
  switch (mimeType) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90, mozjpeg: true }).toBuffer()
    case 'image/png':
      return image.png({ compressionLevel: 9 }).toBuffer()
    case 'image/webp':
      return image.webp({ quality: 90 }).toBuffer()
    case 'image/avif':
      return image.avif({ quality: 70, effort: 2 }).toBuffer()
    case 'image/gif':
      return image.gif().toBuffer()
    default:
      throw new Error(`not an image type: ${mimeType}`)
  }
}
