/**
 * Wires every contract method to IPC. The sender check lives here; the method allowlist,
 * schema parse and result wrapping are the same dispatch() the loopback bridge uses.
 */
import { ipcMain } from 'electron'
import type { Core } from '../core/api.ts'
import { dispatch } from '../core/dispatch.ts'
import { METHOD_NAMES, type Result } from '../shared/contract.ts'
import { describeUrlForLog, isTrustedSender } from './trust.ts'

export function registerIpcHandlers(core: Core, devServerUrl?: string): void {
  for (const name of METHOD_NAMES) {
    // Inputs are never logged: they carry passphrases and health data.
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        console.warn(`ipc: refused ${name} from ${senderForLog(event.senderFrame)}`)
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'This page may not talk to Lantern.' }
        }
      }
      return dispatch(core.handlers, name, input)
    })
  }
}

function senderForLog(frame: { url: string } | null): string {
  try {
    return frame ? describeUrlForLog(frame.url) : 'a closed frame'
  } catch {
    return 'a disposed frame'
  }
}
