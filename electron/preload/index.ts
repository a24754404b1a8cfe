/**
 * Exposes window.lantern: one function per contract method, and onBeforeClose for main's
 * request to save before the window closes. ipcRenderer and the IPC event never cross into the
 * page, so a script there cannot reach other channels.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { buildBridge } from '../shared/bridge.ts'

contextBridge.exposeInMainWorld(
  'lantern',
  buildBridge((method, input) => ipcRenderer.invoke(method, input), {
    on: (channel, listener) => ipcRenderer.on(channel, (_event, id: unknown) => listener(id)),
    send: (channel, id) => ipcRenderer.send(channel, id)
  })
)
