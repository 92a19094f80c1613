import './secret-key-display.css'

/**
 * The Secret Key, large, in its printed groups, digits tinted so 8 and B,
 * 5 and S, 2 and Z are easy to tell apart when writing it down. The text
 * content is exactly the printed form (dashes included), for copying by hand
 * or by a test, though no copy button is offered.
 */
export function SecretKeyDisplay({ secretKey }: { readonly secretKey: string }) {
  const groups = secretKey.split('-')
  return (
    <p className="secret-key-display" data-testid="secret-key">
      {groups.map((group, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the groups are positional and never reorder.
        <span key={index} className="secret-key-group-wrap">
          <span className="secret-key-group">
            {[...group].map((symbol, at) =>
              /[0-9]/.test(symbol) ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: symbols repeat; their position is their identity.
                <span key={at} className="secret-key-digit">
                  {symbol}
                </span>
              ) : (
                symbol
              ),
            )}
          </span>
          {index < groups.length - 1 ? <span className="secret-key-dash">-</span> : null}
        </span>
      ))}
    </p>
  )
}
