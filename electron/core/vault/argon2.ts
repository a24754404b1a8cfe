/**
 * Argon2id, as a job (vaultWorker.ts runs it on a thread of its own): a key-encryption key from a
 * secret and the salt and cost stored beside its wrap. Run on the core's thread it held every
 * other call (and, in Electron, the window) for 0.3 to 1 s at each unlock.
 */
import { argon2id } from 'hash-wasm'

export interface DeriveKeyInput {
  /** Already NFC-normalised by the caller. */
  secret: string
  /** base64 */
  salt: string
  memoryKiB: number
  iterations: number
  parallelism: number
}

export async function deriveKey(input: DeriveKeyInput): Promise<Uint8Array> {
  const raw = await argon2id({
    password: input.secret,
    salt: Buffer.from(input.salt, 'base64'),
    memorySize: input.memoryKiB,
    iterations: input.iterations,
    parallelism: input.parallelism,
    hashLength: 32,
    outputType: 'binary'
  })
  // Memory of its own, so it moves to the core's thread instead of being copied; the library's
  // array is wiped.
  const kek = new Uint8Array(raw.length)
  kek.set(raw)
  raw.fill(0)
  return kek
}
