import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { continueListeningScript, lecturePlayerScript } from '../src/scripts/playerSettings'

const entries = [
  { source: '../src/scripts/lecturePlayer.ts', url: lecturePlayerScript },
  { source: '../src/scripts/continueListening.ts', url: continueListeningScript },
]

/**
 * The lecture pages' scripts (the player; the archive's 继续收听 list) as client entries at fixed
 * URLs, which the pages load as `<script type="module" src>`: allowed by the site's CSP as 'self'
 * (an inline script would need its hash), and not Astro-processed scripts, which Vite may inline.
 */
export function lectureScripts(): AstroIntegration {
  const plugin = {
    name: 'hongse:lecture-scripts',
    apply: 'build' as const,
    applyToEnvironment: (environment: { name: string }) => environment.name === 'client',
    buildStart(this: { emitFile(file: { type: 'chunk'; id: string; fileName: string }): string }) {
      for (const { source, url } of entries)
        this.emitFile({
          type: 'chunk',
          id: fileURLToPath(new URL(source, import.meta.url)),
          fileName: url.replace(/^\//, ''),
        })
    },
  }
  return {
    name: 'hongse:lecture-scripts',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } })
      },
    },
  }
}
