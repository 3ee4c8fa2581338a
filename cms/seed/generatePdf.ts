/**
 * A one-page PDF (A4 landscape) with simple slide-like shapes and a Latin caption, written by
 * hand: stands in for lecture slides. Only the built-in Helvetica font is used.
 */
export function generatePdf(caption: string): Buffer {
  const safe = caption.replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '')
  const content = [
    '0.72 0.11 0.11 rg 0 0 842 595 re f',
    '1 0.84 0.31 rg 60 430 722 8 re f',
    '1 1 1 rg 60 120 722 280 re f',
    `BT /F1 28 Tf 0.72 0.11 0.11 rg 90 340 Td (${safe}) Tj ET`,
    'BT /F1 16 Tf 0.3 0.3 0.3 rg 90 300 Td (Hongse Shangao - Red Collar Lecture Hall) Tj ET',
  ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf))
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf)
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}
