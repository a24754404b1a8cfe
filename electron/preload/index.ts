/**
 * Exposes window.lantern: one function per contract method and nothing else. ipcRenderer and
 * the IPC event never cross into the page, so a script there cannot reach other channels.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { buildBridge } from '../shared/contract.ts'

contextBridge.exposeInMainWorld(
  'lantern',
  buildBridge((method, input) => ipcRenderer.invoke(method, input))
)
