/**
 * Inline SVG icons (24×24 grid, stroked with currentColor so they follow the
 * text colour and both themes). Decorative: the control around an icon
 * carries the accessible name, so every icon is aria-hidden.
 */
import type { ReactNode } from 'react'

export interface SvgIconProps {
  readonly children: ReactNode
  /** Filled with the text colour instead of stroked only (a set favourite star). */
  readonly filled?: boolean
  /** false: no width or height, so CSS sizes it (the item-type tiles). */
  readonly sized?: boolean
}

/** The one SVG frame every icon in the app uses. */
export function SvgIcon({ children, filled = false, sized = true }: SvgIconProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={sized ? 18 : undefined}
      height={sized ? 18 : undefined}
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

export function EyeIcon() {
  return (
    <SvgIcon>
      <path d="M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12Z" />
      <circle cx="12" cy="12" r="3" />
    </SvgIcon>
  )
}

export function EyeOffIcon() {
  return (
    <SvgIcon>
      <path d="M10.6 5.6A9.9 9.9 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16.6 16.6 0 0 1-2.6 3.4" />
      <path d="M6.6 6.6C3.9 8.3 2.5 12 2.5 12s3.5 6.5 9.5 6.5a9.6 9.6 0 0 0 5.4-1.6" />
      <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
      <path d="m3 3 18 18" />
    </SvgIcon>
  )
}

export function RefreshIcon() {
  return (
    <SvgIcon>
      <path d="M20 11a8 8 0 0 0-14.3-4.9L4 8" />
      <path d="M4 4v4h4" />
      <path d="M4 13a8 8 0 0 0 14.3 4.9L20 16" />
      <path d="M20 20v-4h-4" />
    </SvgIcon>
  )
}

export function CheckIcon() {
  return (
    <SvgIcon>
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </SvgIcon>
  )
}

export function KeyIcon() {
  return (
    <SvgIcon>
      <circle cx="8" cy="15" r="4" />
      <path d="m11 12 8.5-8.5" />
      <path d="m16.5 6.5 2.5 2.5" />
      <path d="m14 9 2 2" />
    </SvgIcon>
  )
}

export function ShieldIcon() {
  return (
    <SvgIcon>
      <path d="M12 3 5 6v5.5c0 4.3 3 8 7 9.5 4-1.5 7-5.2 7-9.5V6l-7-3Z" />
      <path d="m9 12 2 2 4-4" />
    </SvgIcon>
  )
}

export function DeviceIcon() {
  return (
    <SvgIcon>
      <rect x="3" y="4.5" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16.5V20" />
    </SvgIcon>
  )
}

export function DocumentIcon() {
  return (
    <SvgIcon>
      <path d="M7 3h7l5 5v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Z" />
      <path d="M14 3v5h5M9 13h6M9 17h6" />
    </SvgIcon>
  )
}

export function WarningIcon() {
  return (
    <SvgIcon>
      <path d="M12 4 2.8 19.5h18.4L12 4Z" />
      <path d="M12 10v4.5M12 17.2v.1" />
    </SvgIcon>
  )
}

export function InfoIcon() {
  return (
    <SvgIcon>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.5M12 7.8v.1" />
    </SvgIcon>
  )
}

export function LockIcon() {
  return (
    <SvgIcon>
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </SvgIcon>
  )
}

export function ArrowLeftIcon() {
  return (
    <SvgIcon>
      <path d="M19 12H5M11 6l-6 6 6 6" />
    </SvgIcon>
  )
}

export function CopyIcon() {
  return (
    <SvgIcon>
      <rect x="8.5" y="8.5" width="12" height="12" rx="2" />
      <path d="M15.5 8.5V5.5a2 2 0 0 0-2-2h-8a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h3" />
    </SvgIcon>
  )
}
