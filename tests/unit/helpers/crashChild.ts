/**
 * Run as a separate process by durability.test.ts, then killed with SIGKILL at a random moment.
 * It prints a line only after the operation it names has returned, i.e. after the UI would have
 * been told "saved".
 *
 *   node crashChild.ts profiles <dataDir> <passphrase>      create profiles forever: "saved <name>"
 *   node crashChild.ts passphrase <dataDir> <n>             from rotatingPassphrase(n) on, change
 *                                                           to n+1, n+2, …: "now <n>"
 *   node crashChild.ts reencrypt <dataDir> <n>              the same, re-encrypting under a new
 *                                                           data key each time: "now <n>"
 */
import { createCore } from '../../../electron/core/api.ts'
import { DRUGS, rotatingPassphrase } from './vaultFixture.ts'

const [mode, dataDir, arg] = process.argv.slice(2)
const start = Number(arg)
const first = mode === 'profiles' ? arg! : rotatingPassphrase(start)
const core = createCore({
  dataDir: dataDir!,
  kdfCost: { memoryKiB: 1024, iterations: 1, parallelism: 1 },
  drugs: DRUGS
})
await core.vault.unlock(first)
console.log('ready')

if (mode === 'profiles') {
  for (let i = 0; ; i++) {
    const name = `person-${process.pid}-${i}`
    await core.handlers['profiles.create']({ displayName: name })
    console.log(`saved ${name}`)
  }
} else if (mode === 'passphrase') {
  for (let n = start; ; n++) {
    await core.vault.changePassphrase(rotatingPassphrase(n), rotatingPassphrase(n + 1))
    console.log(`now ${n + 1}`)
  }
} else if (mode === 'reencrypt') {
  for (let n = start; ; n++) {
    await core.vault.reencrypt(rotatingPassphrase(n), rotatingPassphrase(n + 1))
    console.log(`now ${n + 1}`)
  }
}
