import type { LanternBridge } from '@shared/contract.ts'

declare global {
  interface Window {
    /** Built by the Electron preload, or in the browser by the loopback bridge's script. */
    readonly lantern: LanternBridge
  }
}

export {}
