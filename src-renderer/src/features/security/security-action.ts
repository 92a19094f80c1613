/** What Settings → Security gives each change it offers: one form is open at a time. */
export interface SecurityActionProps {
  readonly open: boolean
  readonly onOpen: () => void
  readonly onClose: () => void
  /** Main was asked to change something: the security status may differ now. */
  readonly onAttempted: () => void
}
