import type { TextFieldSingleValidation } from 'payload'
import { equivalentIsbns, isbnProblem, normalizeIsbn } from '../../../../shared/isbn'

/** ISBN-10 or -13 with a correct check digit, and not already in the catalogue in either form. */
export const validateIsbn: TextFieldSingleValidation = async (value, { req, id }) => {
  if (!value) return true
  if (typeof value !== 'string') return 'ISBN 应为文字（如 978-7-01-000000-0），不能是数字。'
  const isbn = normalizeIsbn(value)
  const problem = isbnProblem(isbn)
  if (problem === 'format')
    return 'ISBN 应为 10 位或 13 位（13 位以 978 或 979 开头），可含连字符。'
  if (problem === 'checksum') return 'ISBN 校验位不正确，请核对是否抄错。'
  const { totalDocs } = await req.payload.count({
    collection: 'books',
    where: {
      and: [
        { isbn: { in: equivalentIsbns(isbn) } },
        ...(id != null ? [{ id: { not_equals: id } }] : []),
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs === 0 || '馆藏中已有相同 ISBN 的图书。'
}
