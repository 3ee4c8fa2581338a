/**
 * A burst of concurrent CMS writes for the crash test (cmsCrash.faults.spec.ts), run as its own
 * process so it can be killed with SIGKILL at any moment: the CMS's Payload config, adapter and
 * hooks, eight writers creating, editing and deleting published news and exhibitions.
 *
 * Every document carries a generation marker that its children must match: news `title` ends in
 * `#g<n>` and holds exactly the tags `g<n>-1..3`; an exhibition holds exactly three sections named
 * after its title. A half-applied write would break that.
 */
import { openPayload } from '../../cms/scripts/openPayload'

const round = process.env.FAULT_ROUND ?? '0'
const payload = await openPayload()
const newsIds: (number | string)[] = []
let generation = 0
let done = 0

const tagsOf = (gen: number) => [`g${gen}-1`, `g${gen}-2`, `g${gen}-3`]

async function step(writer: number): Promise<void> {
  const roll = Math.random()
  if (roll < 0.4 || newsIds.length < 4) {
    const gen = ++generation
    const doc = await payload.create({
      collection: 'news',
      data: {
        title: `崩溃测试 ${round}-${writer} #g${gen}`,
        category: 'party-building',
        summary: '摘要',
        tags: tagsOf(gen),
        _status: 'published',
      },
    })
    newsIds.push(doc.id)
  } else if (roll < 0.6) {
    const title = `崩溃展览 ${round}-${writer}-${++generation}`
    await payload.create({
      collection: 'exhibitions',
      data: {
        title,
        sections: [1, 2, 3].map((n) => ({ title: `${title} 第${n}展区` })),
        _status: 'published',
      },
    })
  } else if (roll < 0.9) {
    const id = newsIds[Math.floor(Math.random() * newsIds.length)]
    const gen = ++generation
    await payload
      .update({
        collection: 'news',
        id,
        data: {
          title: `崩溃测试 ${round}-${writer} #g${gen}`,
          tags: tagsOf(gen),
          _status: 'published',
        },
      })
      .catch(() => undefined) // deleted meanwhile by another writer
  } else {
    const id = newsIds.splice(Math.floor(Math.random() * newsIds.length), 1)[0]
    await payload.delete({ collection: 'news', id }).catch(() => undefined)
  }
  done++
  console.log(`done ${done}`)
  // Let timers and I/O run between operations, as a server's requests do (libsql is synchronous).
  await new Promise((resolve) => setImmediate(resolve))
}

console.log('ready')
await Promise.all(
  Array.from({ length: 8 }, async (_, writer) => {
    for (;;) await step(writer)
  }),
)
