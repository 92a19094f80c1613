import './security.css'
import type { UnlockResultView } from '@shared/ipc/views.ts'
import { Banner, IconButton } from '../../ui/index.ts'
import { IconClose } from '../vault/icons/icons.tsx'

export type CredentialNoticeView = NonNullable<UnlockResultView['credentialNotice']>

const WHAT: Readonly<Record<CredentialNoticeView['changed'], string>> = {
  password: 'master password',
  'secret-key': 'Secret Key',
  kdf: 'key derivation',
}

/** What still works after an undone change, in words that fit each kind. */
const STILL_WORKS: Readonly<Record<CredentialNoticeView['changed'], string>> = {
  password: 'your previous master password still works',
  'secret-key': 'your previous Secret Key still works',
  kdf: 'your previous key derivation settings still apply',
}

/** The sentence for a change an earlier session started and this unlock settled. */
export function credentialNoticeText(notice: CredentialNoticeView): string {
  const what = WHAT[notice.changed]
  if (notice.outcome === 'undone') {
    return `Your earlier change of ${what} never reached the sync server, so it was undone: ${STILL_WORKS[notice.changed]}.`
  }
  const finished = `Your change of ${what} has finished.`
  return notice.changed === 'secret-key'
    ? `${finished} Save your new Emergency Kit from Settings → Security.`
    : finished
}

export interface CredentialNoticeProps {
  readonly notice: CredentialNoticeView
  readonly onDismiss: () => void
}

/** Shown once over the opened vault, until dismissed: the unlock finished or undid a change of secrets. */
export function CredentialNotice({ notice, onDismiss }: CredentialNoticeProps) {
  return (
    <div className="credential-notice">
      <Banner
        tone={notice.outcome === 'finished' ? 'ok' : 'warn'}
        live="status"
        title={notice.outcome === 'finished' ? 'Change finished' : 'Change undone'}
        testId="credential-notice"
      >
        {credentialNoticeText(notice)}
      </Banner>
      <IconButton label="Dismiss notice" className="credential-notice-close" onClick={onDismiss}>
        <IconClose />
      </IconButton>
    </div>
  )
}
