/**
 * `npm install && npm start` is the README's first command. On a fresh machine the Electron
 * runtime is not there yet; where it cannot be downloaded, the person must get one clear line
 * that says so and what to do instead, not electron-vite's "Error: Electron uninstall" or a
 * stack trace. Run in a clean copy of the project, with the download made to fail.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:net'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupTempDirs, tempDir } from './helpers/vaultFixture.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const SCRIPTS = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
).scripts

afterEach(cleanupTempDirs)

/** The step of an npm script that makes sure Electron is there, checked to come before electron-vite. */
function electronStep(script: 'start' | 'dev'): string {
  const steps = SCRIPTS[script]!.split('&&').map((step) => step.trim())
  const index = steps.findIndex((step) => step.includes('tools/ensureElectron.ts'))
  expect(index, `npm run ${script} has an ensureElectron step`).toBeGreaterThanOrEqual(0)
  const firstElectronVite = steps.findIndex((step) => step.startsWith('electron-vite'))
  expect(index).toBeLessThan(firstElectronVite)
  return steps[index]!
}

/**
 * A project folder with our package.json and tool, and node_modules/electron as npm installs
 * it: the package's own files, no runtime. The installer's download library is linked in.
 */
function cleanCopy(): { dir: string; electronDir: string } {
  const dir = tempDir('lantern-fresh-')
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'))
  mkdirSync(join(dir, 'tools'))
  copyFileSync(join(ROOT, 'tools/ensureElectron.ts'), join(dir, 'tools/ensureElectron.ts'))

  const require = createRequire(join(ROOT, 'package.json'))
  const installedElectron = dirname(require.resolve('electron/package.json'))
  const manifest = JSON.parse(readFileSync(join(installedElectron, 'package.json'), 'utf8')) as {
    files: string[]
  }
  const electronDir = join(dir, 'node_modules/electron')
  mkdirSync(electronDir, { recursive: true })
  for (const file of ['package.json', ...manifest.files]) {
    copyFileSync(join(installedElectron, file), join(electronDir, file))
  }
  symlinkSync(
    join(installedPackage('@electron/get', installedElectron), '..'),
    join(dir, 'node_modules/@electron'),
    'dir'
  )
  return { dir, electronDir }
}

/** Where Node would find package `name` for code in `from`. */
function installedPackage(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dirname(dir) === dir) throw new Error(`${name} is not installed`)
  }
}

/** A loopback port nobody listens on: the download is refused at once, online or not. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

/** The environment of a fresh machine whose download cannot happen, with no cached runtime. */
async function offlineEnv(): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    // No proxy, mirror, cache or runtime path from this machine's setup.
    if (!/electron|proxy/i.test(key)) env[key] = value
  }
  env.electron_config_cache = tempDir('lantern-empty-cache-')
  env.ELECTRON_MIRROR = `http://127.0.0.1:${await closedPort()}/`
  env.ELECTRON_GET_NO_PROGRESS = '1'
  return env
}

function run(step: string, cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync(step, { cwd, env, shell: true, encoding: 'utf8', timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm start and npm run dev on a fresh machine', () => {
  it.each(['start', 'dev'] as const)(
    'npm run %s: no download possible gives one clear line pointing to dev:web, and a failing exit',
    async (script) => {
      const { dir, electronDir } = cleanCopy()
      const { status, stdout, stderr } = run(electronStep(script), dir, await offlineEnv())

      expect(status).not.toBe(0)
      const problem = stderr.split('\n').filter((line) => line.trim() !== '')
      expect(problem).toHaveLength(1)
      expect(problem[0]).toMatch(/could not download the Electron runtime/)
      expect(problem[0]).toContain('npm run dev:web')
      const everything = stdout + stderr
      expect(everything).not.toContain('Electron uninstall')
      expect(everything).not.toMatch(/^\s+at /m)
      expect(existsSync(join(electronDir, 'path.txt'))).toBe(false)
    }
  )

  it('with the runtime in place it does nothing and says nothing', async () => {
    const { dir, electronDir } = cleanCopy()
    mkdirSync(join(electronDir, 'dist'))
    writeFileSync(join(electronDir, 'dist/electron'), '')
    writeFileSync(join(electronDir, 'path.txt'), 'electron')
    // Were it to run the installer, the download would fail here: success means it did not.
    const { status, stdout, stderr } = run(electronStep('start'), dir, await offlineEnv())
    expect({ status, stdout, stderr }).toEqual({ status: 0, stdout: '', stderr: '' })
  })
})
