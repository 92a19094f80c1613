/**
 * Things done for the window rather than shown to it: copying (main writes
 * the clipboard, so a secret never crosses into the renderer), one-time
 * codes, opening an item's URL, and generating passwords.
 */
import { VaultError } from '../../../src-shared/errors.ts'
import { generatePassphrase, generatePassword } from '../../items/index.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type ActionMethod = 'copyField' | 'getTotp' | 'copyTotp' | 'openUrl' | 'generate' | 'copyGenerated'

export function actionHandlers({ vault, copyToClipboard, openExternal }: HandlerDeps): HandlersFor<ActionMethod> {
  // Only a value main generated can be copied this way, so the window cannot put arbitrary text on the clipboard.
  let lastGenerated: string | null = null
  vault.onLock(() => {
    lastGenerated = null
  })
  return {
    copyField: ({ id, field, revision }) => {
      const value = vault.revealField(id, field, revision)
      if (value === '') throw new VaultError('FIELD_NOT_FOUND', 'That field is empty; there is nothing to copy.')
      return copyToClipboard(value)
    },
    getTotp: ({ id }) => vault.totp(id),
    copyTotp: ({ id }) => copyToClipboard(vault.totp(id).code),
    openUrl: async ({ id, index }) => {
      const url = vault.getSummary(id).urls[index]
      if (url === undefined) throw new VaultError('FIELD_NOT_FOUND', 'This item has no such address.')
      await openExternal(withScheme(url))
      return null
    },
    generate: (request) => {
      const generated =
        request.kind === 'password' ? generatePassword(withoutKind(request)) : generatePassphrase(withoutKind(request))
      lastGenerated = generated.value
      return { value: generated.value, entropyBits: generated.entropyBits }
    },
    copyGenerated: ({ value }) => {
      if (lastGenerated === null || value !== lastGenerated) {
        throw new VaultError('FIELD_NOT_FOUND', 'That is not the password just generated; generate it again.')
      }
      return copyToClipboard(lastGenerated)
    },
  }
}

function withoutKind<T extends { kind: string }>(request: T): Omit<T, 'kind'> {
  const { kind: _kind, ...options } = request
  return options
}

/** People type "example.org/login" as often as the full URL; a bare address means https, never http. */
function withScheme(url: string): string {
  const trimmed = url.trim()
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`
}
