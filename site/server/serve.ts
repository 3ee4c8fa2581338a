import path from 'node:path'
import { createStaticServer } from './staticServer'

/** `npm run serve:site`: serves the built site (site/dist) on SITE_PORT (default 4321). */
const port = Number(process.env.SITE_PORT) || 4321
const root = path.resolve(process.cwd(), 'site/dist')
createStaticServer(root).listen(port, () =>
  console.log(`✔ 网站已启动：http://localhost:${port}/ （${root}）`),
)
