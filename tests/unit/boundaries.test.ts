/**
 * The process boundaries are lint rules; this proves the rules fire, so a config change cannot
 * quietly let the renderer import Node or the core import Electron.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message)
}

const cases: [string, string, string][] = [
  ['renderer/src/example.ts', "import { ipcRenderer } from 'electron'", 'electron'],
  ['renderer/src/example.ts', "import { readFileSync } from 'node:fs'", 'node:*'],
  [
    'renderer/src/example.ts',
    "import { createCore } from '../../electron/core/api.ts'",
    'the core'
  ],
  ['renderer/src/example.ts', "import '../../electron/main/index.ts'", 'electron/main'],
  [
    'renderer/src/stores/example.ts',
    "import { defineStore } from 'pinia'\nexport const useX = defineStore('x', () => ({}))",
    "pinia's defineStore (a store must say whether a lock empties it)"
  ],
  ['renderer/src/stores/example.ts', "import { readFileSync } from 'node:fs'", 'node:*'],
  ['electron/core/example.ts', "import { app } from 'electron'", 'electron'],
  ['electron/core/example.ts', "import '../main/index.ts'", 'electron/main'],
  ['electron/shared/example.ts', "import { app } from 'electron'", 'electron'],
  ['electron/shared/example.ts', "import { join } from 'node:path'", 'node:*'],
  ['electron/preload/example.ts', "import { createCore } from '../core/api.ts'", 'the core'],
  [
    'electron/core/example.ts',
    'export const x = (db: { serialize(): Buffer }) => db.serialize()',
    'serialize()'
  ],
  [
    'electron/main/example.ts',
    "import { shell } from 'electron'\nshell.openExternal('https://x')",
    'openExternal'
  ],
  ['electron/main/rendererFiles.ts', "import { protocol } from 'electron'", 'electron'],
  ['electron/main/beforeClose.ts', "import { ipcMain } from 'electron'", 'electron'],
  ['tools/bridge/page.ts', "import { readFileSync } from 'node:fs'", 'node:*']
]

describe('process boundaries are enforced by lint', () => {
  for (const [file, code, what] of cases) {
    it(`${file} may not use ${what}`, async () => {
      expect(await restrictedImportErrors(file, code)).not.toEqual([])
    })
  }

  it('allowed imports pass: the renderer may use the contract, the core may use Node', async () => {
    expect(
      await restrictedImportErrors(
        'renderer/src/example.ts',
        "import type { MethodName } from '@shared/contract.ts'\nexport type M = MethodName"
      )
    ).toEqual([])
    expect(
      await restrictedImportErrors(
        'electron/core/example.ts',
        "import { join } from 'node:path'\nexport const p = join('a', 'b')"
      )
    ).toEqual([])
  })
})
