import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'

const projectModules = fileURLToPath(new URL('../../node_modules', import.meta.url))

/** True when `name` resolves by Node's upward node_modules search from `dir`. */
function resolvableFrom(dir: string, name: string): boolean {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, 'node_modules', name, 'package.json'))) return true
    if (path.dirname(at) === at) return false
  }
}

/**
 * The warm renderer's server code (written beside the static output, `<outDir>.render/`) imports
 * its packages by bare name, resolved upwards from where it lies. When the output is outside the
 * project (a publisher release under data/, a temporary folder), a link to the project's
 * node_modules beside it makes them resolvable, for the build's own prerendering and afterwards.
 */
export function renderDependencies(): AstroIntegration {
  return {
    name: 'hongse:render-dependencies',
    hooks: {
      'astro:config:done': ({ config }) => {
        const parent = path.dirname(fileURLToPath(config.build.server))
        if (resolvableFrom(parent, 'astro')) return
        fs.mkdirSync(parent, { recursive: true })
        fs.symlinkSync(projectModules, path.join(parent, 'node_modules'), 'dir')
      },
    },
  }
}
