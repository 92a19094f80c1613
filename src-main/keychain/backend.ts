/**
 * The only place that loads keytar. It is imported lazily, on the first
 * keychain call, because keytar is a native module linked against libsecret
 * on Linux: a static import would make merely importing the main process fail
 * on a machine without libsecret or without a built keytar.node. Such a
 * machine simply has no keychain.
 */

/** The part of keytar the vault uses; tests substitute fakes through it. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

/** keytar (or libsecret under it) could not be loaded; `detail` is the loader's own message. */
export class KeychainLoadError extends Error {
  override readonly name = 'KeychainLoadError'
  readonly detail: string

  constructor(detail: string) {
    super(`The keychain module could not be loaded: ${detail}`)
    this.detail = detail
  }
}

const METHODS = ['getPassword', 'setPassword', 'deletePassword'] as const

let loading: Promise<KeychainBackend> | undefined

/** Loads keytar once per process; a failure is remembered, as a native module does not appear later. */
export function loadKeytar(): Promise<KeychainBackend> {
  loading ??= importKeytar()
  return loading
}

async function importKeytar(): Promise<KeychainBackend> {
  let loaded: unknown
  try {
    loaded = await import('keytar')
  } catch (error) {
    throw new KeychainLoadError(error instanceof Error ? error.message : String(error))
  }
  return asBackend(loaded)
}

/**
 * keytar is CommonJS, so its functions sit on `default` when imported from
 * ESM. Checked at run time because a broken packaging (keytar bundled instead
 * of kept external) loads without error yet has no working functions.
 */
function asBackend(loaded: unknown): KeychainBackend {
  const candidate = isObject(loaded) && isObject(loaded.default) ? loaded.default : loaded
  if (isObject(candidate) && METHODS.every((method) => typeof candidate[method] === 'function')) {
    return candidate as unknown as KeychainBackend
  }
  throw new KeychainLoadError('keytar loaded, but without its keychain functions (is it bundled instead of external?)')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
}
