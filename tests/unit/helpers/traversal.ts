/**
 * Request paths that try to reach a file beside the renderer folder, written as a hostile page
 * or program could send them byte for byte: dot-segments written out, percent-encoded,
 * double-encoded, with backslashes, with overlong UTF-8, and absolute paths. Used against the
 * loopback bridge over a raw socket and against rendererFileForPath directly, so the bridge and
 * the lantern:// protocol face the same list.
 */
import { sep } from 'node:path'

/**
 * `relative` is the file's path from the renderer folder's parent, with '/' between parts
 * ('package.json', 'vault/vault.key.json'); `absolute` is its path on this computer.
 */
export function escapingPaths(relative: string, absolute: string): string[] {
  const encodedSlashes = relative.replaceAll('/', '%2f')
  const backslashes = relative.replaceAll('/', '\\')
  const absoluteUrlPath = absolute.split(sep).join('/')
  return [
    // Written out.
    `/../${relative}`,
    `/assets/../../${relative}`,
    `/./../${relative}`,
    `/..//${relative}`,
    // Percent-encoded dots, slashes or both.
    `/%2e%2e/${relative}`,
    `/%2E%2E/${relative}`,
    `/.%2e/${relative}`,
    `/%2e./${relative}`,
    `/..%2f${encodedSlashes}`,
    `/%2e%2e%2f${encodedSlashes}`,
    `/%2E%2E%2F${relative}`,
    `/assets%2f%2e%2e%2f%2e%2e%2f${encodedSlashes}`,
    // Double-encoded: one decode leaves %2e%2e%2f, which must stay a name, not become '../'.
    `/%252e%252e%252f${relative}`,
    `/%252e%252e/${relative}`,
    `/assets/%252e%252e%252f%252e%252e%252f${relative}`,
    // Backslashes, a separator on Windows: raw, encoded, double-encoded.
    `/..\\${backslashes}`,
    `/..%5c${relative}`,
    `/%2e%2e%5c${relative}`,
    `/assets%5c..%5c..%5c${relative}`,
    `/..%255c${relative}`,
    // Overlong UTF-8 for '.' and '/', which old decoders turned into dots.
    `/%c0%ae%c0%ae/${relative}`,
    `/%c0%ae%c0%ae%c0%af${relative}`,
    // Absolute paths: as they are, doubled slash, encoded, behind a dot-segment.
    absoluteUrlPath,
    `/${absoluteUrlPath}`,
    `/${encodeURIComponent(absoluteUrlPath)}`,
    `/%2f${absoluteUrlPath.slice(1)}`,
    `/..${absoluteUrlPath}`,
    // NUL cuts a C string short in some lookups.
    `/../${relative}%00.js`
  ]
}
