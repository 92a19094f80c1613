/** A nominal type: a Brand<Uint8Array, 'VaultKey'> cannot be passed where a 'KeysetKey' is expected. */
declare const brand: unique symbol
export type Brand<T, Name extends string> = T & { readonly [brand]: Name }
