import { highlightPieces } from '../../../shared/search/highlight'

/** `text` with the query's occurrences in <mark>. */
export default function SearchHighlight({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightPieces(text, query).map((piece, i) =>
        piece.marked ? <mark key={i}>{piece.text}</mark> : piece.text,
      )}
    </>
  )
}
