/**
 * A secret in the editor. A stored secret starts as "unchanged": the window
 * does not have it and does not ask for it. "Change" swaps in an empty input;
 * "Keep current" goes back to leaving it alone.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Button, IconButton, TextField } from '../../../ui/index.ts'
import { IconEye, IconEyeOff } from '../icons/icons.tsx'
import type { FieldSpec } from '../model/item-types.ts'
import { TextAreaField } from './TextAreaField.tsx'

export interface SecretInputProps {
  readonly spec: FieldSpec
  /** null: keep the stored value. */
  readonly value: string | null
  /** Whether the item has a stored value to keep. */
  readonly stored: boolean
  readonly onChange: (value: string | null) => void
  readonly error?: string | undefined
  /** Extra buttons beside the input, such as Generate. */
  readonly extra?: ReactNode
}

export function SecretInput({ spec, value, stored, onChange, error, extra }: SecretInputProps) {
  const [shown, setShown] = useState(false)
  const wrapper = useRef<HTMLDivElement>(null)
  const justOpened = useRef(false)
  useEffect(() => {
    // After "Change", the input that replaced the placeholder gets the focus the button had.
    if (value !== null && justOpened.current) wrapper.current?.querySelector<HTMLElement>('input, textarea')?.focus()
    justOpened.current = false
  }, [value])

  if (value === null) {
    const change = () => {
      justOpened.current = true
      onChange('')
    }
    return <UnchangedSecret spec={spec} error={error} onChange={change} extra={extra} />
  }
  const toggle = (
    <IconButton label={`${shown ? 'Hide' : 'Show'} ${spec.label.toLowerCase()}`} onClick={() => setShown(!shown)}>
      {shown ? <IconEyeOff /> : <IconEye />}
    </IconButton>
  )
  const keep = stored ? (
    <Button small variant="ghost" onClick={() => onChange(null)}>
      Keep current
    </Button>
  ) : null
  const hint = stored ? `Replaces the saved ${spec.label.toLowerCase()}; leave empty to remove it.` : spec.hint
  const common = { label: spec.label, value, onChange, error, hint, placeholder: spec.placeholder, mono: true }
  const trailing = (
    <>
      {toggle}
      {extra}
      {keep}
    </>
  )
  return (
    <div ref={wrapper}>
      {spec.input === 'multiline' ? (
        <TextAreaField {...common} masked={!shown} rows={5} trailing={trailing} />
      ) : (
        <TextField {...common} type={shown ? 'text' : 'password'} trailing={trailing} />
      )}
    </div>
  )
}

interface UnchangedSecretProps {
  readonly spec: FieldSpec
  readonly error?: string | undefined
  readonly onChange: () => void
  readonly extra?: ReactNode
}

function UnchangedSecret({ spec, error, onChange, extra }: UnchangedSecretProps) {
  return (
    <fieldset className="field secret-fieldset">
      <legend className="field-label">{spec.label}</legend>
      <div className="field-row">
        <div className="secret-unchanged" title="The saved value stays as it is unless you change it.">
          <span className="secret-mask" aria-hidden="true">
            ••••••
          </span>
          <span className="secret-unchanged-note">Unchanged</span>
        </div>
        <Button small onClick={onChange} aria-label={`Change ${spec.label.toLowerCase()}`}>
          Change
        </Button>
        {extra}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  )
}
