import type { CredentialChangeView, SecurityStatusView } from '@shared/ipc/views.ts'
import { useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { Banner, Button } from '../../ui/index.ts'
import { ConfirmWithPassword } from './ConfirmWithPassword.tsx'
import { isStronger, type KdfCost, kdfCostText, msText } from './kdf-words.ts'
import type { SecurityActionProps } from './security-action.ts'

export interface KeyDerivationProps extends SecurityActionProps {
  readonly status: SecurityStatusView
}

/** The Argon2id cost in force, how long it took here, and a stronger one when this computer can afford it. */
export function KeyDerivation({ status, ...action }: KeyDerivationProps) {
  const [upgraded, setUpgraded] = useState<KdfCost | null>(null)
  const offer = status.kdfUpgrade !== null && isStronger(status.kdfUpgrade, status.kdf) ? status.kdfUpgrade : null
  return (
    <div className="security-action">
      <dl className="security-facts">
        <dt>Cost</dt>
        <dd data-testid="kdf-current">Argon2id, {kdfCostText(status.kdf)}</dd>
        <dt>Last unlock here</dt>
        <dd data-testid="kdf-last-derive">
          {status.lastDeriveMs === null ? 'Not measured yet' : `${msText(status.lastDeriveMs)} to derive your keys`}
        </dd>
      </dl>
      {upgraded ? (
        <Banner tone="ok" live="status" testId="kdf-upgraded">
          Key derivation strengthened to {kdfCostText(upgraded)}. Your other devices use it from their next unlock.
        </Banner>
      ) : null}
      {offer ? (
        <KdfOffer
          offer={offer}
          {...action}
          onDone={(change) => {
            setUpgraded(change.kdf)
            action.onClose()
          }}
        />
      ) : null}
    </div>
  )
}

interface KdfOfferProps extends SecurityActionProps {
  readonly offer: NonNullable<SecurityStatusView['kdfUpgrade']>
  readonly onDone: (change: CredentialChangeView) => void
}

function KdfOffer({ offer, open, onOpen, onClose, onAttempted, onDone }: KdfOfferProps) {
  const client = useVaultClient()
  const question = (
    <p data-testid="kdf-offer">
      This computer is faster than the one that set your account up. Strengthen key derivation to {kdfCostText(offer)}{' '}
      (about {msText(offer.estimatedMs)} per unlock)?
    </p>
  )
  if (!open) {
    return (
      <div className="security-action">
        <div className="security-text">{question}</div>
        <div>
          <Button onClick={onOpen}>Strengthen key derivation</Button>
        </div>
      </div>
    )
  }
  return (
    <ConfirmWithPassword
      action="Strengthen key derivation"
      busyText="Deriving your keys at the new cost…"
      call={(password) => client.upgradeKdf({ password })}
      onDone={onDone}
      onCancel={onClose}
      onAttempted={onAttempted}
    >
      {question}
      <p>A stronger cost makes each guess at your master password slower for anyone who has a copy of your vault.</p>
    </ConfirmWithPassword>
  )
}
