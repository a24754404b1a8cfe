/**
 * `npm run dev:web`: Lantern in your browser, on this computer only.
 *
 *   --data-dir <folder>   where the vault lives (or LANTERN_DATA_DIR); default ./.lantern-dev
 *   --port <n>            default: any free port
 *
 * Prints one line, `Lantern bridge: <url>`, and serves until stopped. Ctrl+C does what closing
 * the desktop app does: open tabs save what is typed and keep drafts, then the vault locks.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startBridge } from './bridge/server.ts'

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }
})

const dataDir = resolve(values['data-dir'] ?? process.env.LANTERN_DATA_DIR ?? '.lantern-dev')
const bridge = await startBridge({
  dataDir,
  rendererDir: resolve('out/renderer'),
  port: values.port ? Number(values.port) : undefined
})
console.log(`Lantern bridge: ${bridge.url}`)
console.log(`Vault folder: ${dataDir}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    bridge
      .askPagesToSaveBeforeClose()
      .then(() => bridge.close())
      .finally(() => process.exit(0))
  })
}
