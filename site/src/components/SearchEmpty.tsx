import { exhibitionsUrl, lecturesUrl, libraryUrl, newsListUrl } from '../lib/urls'
import { searchUrl } from './SearchClient'

const examples = ['党建', '红领讲堂', '党史学习']

/** What to do when nothing matched: how to rephrase, example searches, the sections to browse. */
export default function SearchEmpty({ query }: { query: string }) {
  return (
    <div className="search-empty">
      <p className="search-empty__title">
        没有找到与“<strong>{query}</strong>”相关的内容。
      </p>
      <p>建议检查有无错别字，换一个更短或更常用的词，或用空格分开几个词。</p>
      <p>
        试试：
        {examples.map((example, i) => (
          <span key={example}>
            {i > 0 && '、'}
            <a href={searchUrl(example)}>{example}</a>
          </span>
        ))}
      </p>
      <p>
        或按栏目浏览：<a href={newsListUrl}>活动新闻</a>、<a href={exhibitionsUrl}>百年党史展</a>、
        <a href={lecturesUrl}>红领讲堂</a>、<a href={libraryUrl}>汇书房</a>
      </p>
    </div>
  )
}
