import { useState } from 'react'
import { IconButton } from './Button.tsx'
import { EyeIcon, EyeOffIcon } from './icons.tsx'
import { TextField, type TextFieldProps } from './TextField.tsx'

export type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'trailing' | 'mono'>

/**
 * A TextField for a secret the user types (a master password), with a
 * show/hide toggle. Hidden by default; the toggle is a pressed/unpressed button
 * so screen readers announce its state.
 */
export function PasswordField(props: PasswordFieldProps) {
  const [visible, setVisible] = useState(false)
  const toggle = (
    <IconButton
      label={visible ? `Hide ${props.label.toLowerCase()}` : `Show ${props.label.toLowerCase()}`}
      aria-pressed={visible}
      className="field-toggle"
      onClick={() => setVisible((shown) => !shown)}
      disabled={props.disabled}
    >
      {visible ? <EyeOffIcon /> : <EyeIcon />}
    </IconButton>
  )
  return <TextField {...props} type={visible ? 'text' : 'password'} mono={visible} trailing={toggle} />
}
