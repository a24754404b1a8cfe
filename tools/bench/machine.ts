/** The machine the figures were measured on, for the report's first lines. */
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
}

export function machine(): Machine {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version
  }
}

/** How busy the machine was: the 1-minute load average and free memory. */
export interface Load {
  loadAverage1m: number
  freeMemoryGiB: number
}

export function load(): Load {
  return {
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    freeMemoryGiB: Math.round((freemem() / 1024 ** 3) * 10) / 10
  }
}
