/**
 * The first step of `npm start` and `npm run dev`: makes sure the Electron runtime is on this
 * computer, and says so in one plain line when it cannot be.
 *
 * Since Electron 42 the npm package downloads its runtime (about 100 MB) the first time
 * something asks for it, not at install. electron-vite reads node_modules/electron/path.txt
 * itself and never asks, so on a fresh machine it stopped with "Error: Electron uninstall".
 * This runs Electron's own installer (the package's `install-electron` bin) instead: it
 * downloads once; afterwards the runtime is found here and nothing runs.
 *
 * Run with: node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON tools/ensureElectron.ts
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')

const NO_RUNTIME =
  'Lantern could not download the Electron runtime it needs to run as a desktop app'
const WITHOUT_ELECTRON =
  'connect to the internet and run this again, or use Lantern in your browser with: npm run dev:web'

/** node_modules/electron, or null before `npm install`. */
function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** What electron-vite will look for: path.txt, naming a binary that is there. */
function runtimeIsInstalled(packageDir: string): boolean {
  const chosen = process.env.ELECTRON_EXEC_PATH
  if (chosen) return existsSync(chosen)
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()))
}

/** The installer's own reason, in a few words: the first line of what it printed. */
function reasonFrom(output: string, status: number | null): string {
  const first = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line.length > 0)
  if (!first) return `the installer stopped with code ${status ?? 'unknown'}`
  return first.replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 160)
}

function main(): number {
  const packageDir = electronPackageDir()
  if (!packageDir) {
    console.error('Lantern: the Electron package is missing; run npm install first.')
    return 1
  }
  if (runtimeIsInstalled(packageDir)) return 0

  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    bin?: Record<string, string>
  }
  const installer = join(packageDir, manifest.bin?.['install-electron'] ?? 'install.js')
  console.log('Lantern: downloading the Electron runtime (about 100 MB, only this once)…')
  // Captured, not shown: on failure the installer prints a stack trace, which helps no one here.
  const run = spawnSync(process.execPath, [installer], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  if (run.status === 0 && runtimeIsInstalled(packageDir)) {
    console.log('Lantern: the Electron runtime is ready.')
    return 0
  }
  const reason = run.error ? run.error.message : reasonFrom(run.stderr || run.stdout, run.status)
  console.error(`${NO_RUNTIME} (${reason}): ${WITHOUT_ELECTRON}`)
  return 1
}

process.exitCode = main()
