// Runs the Electron suite where an Electron binary exists, and says plainly that it skipped
// it where none does (our build machines cannot download one).
//
// Deliberately free of import/export statements: Node then loads this file as CommonJS, with
// no "module type not specified" warning cluttering the one-line skip message.

function findElectronBinary(): string | null {
  const fs = process.getBuiltinModule('node:fs')
  const path = process.getBuiltinModule('node:path')
  let packageDir: string
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  // electron/index.js downloads the binary when it is missing; look before requiring it, so
  // this check never reaches the network.
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = path.join(packageDir, 'path.txt')
    if (!fs.existsSync(pathFile)) return null
    const executable = fs.readFileSync(pathFile, 'utf8')
    if (!fs.existsSync(path.join(packageDir, 'dist', executable))) return null
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- electron's index.js returns the binary path
    const binary: unknown = require('electron')
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

function runElectronSuite(): number {
  if (!findElectronBinary()) {
    console.log(
      'Electron suite skipped: no Electron binary on this machine (it is downloaded from outside the npm registry); run it where Electron is installed.'
    )
    return 0
  }

  const { spawnSync } = process.getBuiltinModule('node:child_process')
  const path = process.getBuiltinModule('node:path')
  const root = path.resolve(__dirname, '..')
  const playwright = [
    require.resolve('@playwright/test/cli'),
    'test',
    '-c',
    'playwright.electron.config.ts',
    ...process.argv.slice(2)
  ]
  let command = process.execPath
  let args = playwright
  // Electron needs a display; on a headless Linux box lend it a virtual one.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    const xvfb = spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' })
    if (!xvfb.error) {
      command = 'xvfb-run'
      args = ['--auto-servernum', process.execPath, ...playwright]
    }
  }
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (result.error) {
    console.error(`runElectronSuite: could not start ${command}: ${result.error.message}`)
    return 1
  }
  return result.status ?? 1
}

process.exitCode = runElectronSuite()
