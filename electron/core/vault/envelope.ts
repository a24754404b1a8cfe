/**
 * The key envelope: a small JSON file beside the database holding the data key wrapped once
 * by the passphrase and once by the recovery code. It holds no readable personal data.
 */
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { writeFileAtomic } from '../atomicFile.ts'
import type { WrappedKey } from './keyCrypto.ts'

export const ENVELOPE_FORMAT = 'lantern-key-envelope'
export const ENVELOPE_VERSION = 1

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)

const wrappedKeySchema = z.strictObject({
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    memoryKiB: z
      .number()
      .int()
      .min(8)
      .max(4 * 1024 * 1024),
    iterations: z.number().int().min(1).max(100),
    parallelism: z.number().int().min(1).max(64),
    salt: base64
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: base64,
  tag: base64,
  ciphertext: base64
})

const envelopeSchema = z.strictObject({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(ENVELOPE_VERSION),
  createdAt: z.string(),
  updatedAt: z.string(),
  wraps: z.strictObject({ passphrase: wrappedKeySchema, recoveryCode: wrappedKeySchema })
})

export type KeyEnvelope = z.infer<typeof envelopeSchema>

export function newEnvelope(passphrase: WrappedKey, recoveryCode: WrappedKey): KeyEnvelope {
  const now = new Date().toISOString()
  return {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    createdAt: now,
    updatedAt: now,
    wraps: { passphrase, recoveryCode }
  }
}

/** Returns null when the file is absent; throws EnvelopeDamagedError when it cannot be trusted. */
export function readEnvelope(file: string): KeyEnvelope | null {
  if (!existsSync(file)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw new EnvelopeDamagedError()
  }
  const result = envelopeSchema.safeParse(parsed)
  if (!result.success) throw new EnvelopeDamagedError()
  return result.data
}

/** An envelope that came inside a backup file; throws EnvelopeDamagedError when it cannot be trusted. */
export function parseEnvelope(value: unknown): KeyEnvelope {
  const result = envelopeSchema.safeParse(value)
  if (!result.success) throw new EnvelopeDamagedError()
  return result.data
}

export function writeEnvelope(file: string, envelope: KeyEnvelope): void {
  writeFileAtomic(file, JSON.stringify(envelope, null, 2) + '\n')
}

export class EnvelopeDamagedError extends Error {
  constructor() {
    super('The key file is damaged.')
    this.name = 'EnvelopeDamagedError'
  }
}
