/**
 * Key wrapping for the vault's key envelope.
 *
 * The database is encrypted with a random 32-byte data key. That key is only ever stored
 * wrapped with AES-256-GCM under a key-encryption key derived by Argon2id, once from the
 * passphrase and once from the recovery code. GCM authenticates, so a failed unwrap proves the
 * secret was wrong, independently of whether the database file is healthy.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto'
import { deriveKey } from './argon2.ts'

export interface Argon2Params {
  algorithm: 'argon2id'
  /** Memory in KiB. */
  memoryKiB: number
  iterations: number
  parallelism: number
  /** base64 */
  salt: string
}

/**
 * 64 MiB, 3 passes: above OWASP's Argon2id minimum (19 MiB, 2 passes) and about 0.3 s on our
 * 2-core machines. Stored beside the salt, so a later version can raise it on the next rewrap.
 */
export const DEFAULT_KDF_COST = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const
export type KdfCost = { memoryKiB: number; iterations: number; parallelism: number }

export interface WrappedKey {
  kdf: Argon2Params
  cipher: 'aes-256-gcm'
  /** base64 */
  iv: string
  /** base64 */
  tag: string
  /** base64 */
  ciphertext: string
}

export const DATA_KEY_BYTES = 32

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES)
}

/**
 * Argon2id of a secret with the salt and cost of a wrap: the key-encryption key. The vault
 * passes its own (vaultThread.ts: on a worker thread); this one, for tools and tests that wrap
 * keys outside a vault, runs here.
 */
export type DeriveKek = (secret: string, kdf: Argon2Params) => Promise<Buffer>

const deriveHere: DeriveKek = async (secret, kdf) => {
  const kek = await deriveKey({ ...kdf, secret: secret.normalize('NFC') })
  return Buffer.from(kek.buffer, kek.byteOffset, kek.byteLength)
}

/** `purpose` is bound in as associated data so a passphrase wrap cannot pass for a recovery wrap. */
export async function wrapKey(
  dataKey: Buffer,
  secret: string,
  purpose: string,
  cost: KdfCost,
  deriveKek: DeriveKek = deriveHere
): Promise<WrappedKey> {
  const kdf: Argon2Params = {
    algorithm: 'argon2id',
    ...cost,
    salt: randomBytes(16).toString('base64')
  }
  const kek = await deriveKek(secret, kdf)
  try {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', kek, iv)
    cipher.setAAD(Buffer.from(`lantern-vault-key:${purpose}`))
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()])
    return {
      kdf,
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64')
    }
  } finally {
    kek.fill(0)
  }
}

/** Returns the data key, or null when the secret is wrong (the GCM tag does not verify). */
export async function unwrapKey(
  wrapped: WrappedKey,
  secret: string,
  purpose: string,
  deriveKek: DeriveKek = deriveHere
): Promise<Buffer | null> {
  const kek = await deriveKek(secret, wrapped.kdf)
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'))
    decipher.setAAD(Buffer.from(`lantern-vault-key:${purpose}`))
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'))
    // The pieces are wiped once joined: only the returned key, which the vault wipes when it
    // locks, holds the data key.
    const parts = [decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]
    const key = Buffer.alloc(parts[0]!.length + parts[1]!.length)
    parts[0]!.copy(key)
    parts[1]!.copy(key, parts[0]!.length)
    for (const part of parts) part.fill(0)
    if (key.length === DATA_KEY_BYTES) return key
    key.fill(0)
    return null
  } catch {
    return null
  } finally {
    kek.fill(0)
  }
}

// ---- Recovery codes ----

/** Crockford base32: no I, L, O or U, so the code survives handwriting and reading aloud. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const RECOVERY_GROUPS = 6
const RECOVERY_GROUP_LENGTH = 5

/** 30 symbols of 5 bits: 150 bits of randomness, written as six groups of five. */
export function newRecoveryCode(): string {
  const groups: string[] = []
  for (let g = 0; g < RECOVERY_GROUPS; g++) {
    let group = ''
    for (let i = 0; i < RECOVERY_GROUP_LENGTH; i++) group += CROCKFORD[randomInt(32)]
    groups.push(group)
  }
  return groups.join('-')
}

/** Forgives case, spaces, dashes and the letters people confuse with digits. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}
