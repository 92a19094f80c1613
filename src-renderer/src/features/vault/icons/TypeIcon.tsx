/** One glyph per item type, on a tinted tile so lists scan by shape and colour. */
import type { ItemType } from '@shared/domain/item.ts'
import type { ReactNode } from 'react'
import { SvgIcon } from '../../../ui/icons.tsx'
import './type-icon.css'

const GLYPHS: Readonly<Record<ItemType, ReactNode>> = {
  login: (
    <>
      <circle cx="8" cy="15" r="3.5" />
      <path d="m10.5 12.5 8-8M16 7l2.5 2.5M13.5 9.5 15.5 11.5" />
    </>
  ),
  note: (
    <>
      <path d="M6.5 3.5h7l4 4v12a1 1 0 0 1-1 1h-10a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1Z" />
      <path d="M13.5 3.5v4h4M8.5 12h7M8.5 16h5" />
    </>
  ),
  card: (
    <>
      <rect x="3" y="5.5" width="18" height="13" rx="2" />
      <path d="M3 10h18M6.5 15h3" />
    </>
  ),
  identity: (
    <>
      <rect x="3" y="4.5" width="18" height="15" rx="2" />
      <circle cx="9" cy="11" r="2.3" />
      <path d="M5.5 16.5a3.8 3.8 0 0 1 7 0M14.5 10h3.5M14.5 13.5h3.5" />
    </>
  ),
  sshKey: (
    <>
      <rect x="3" y="4.5" width="18" height="15" rx="2" />
      <path d="m7 10 2.5 2L7 14M11.5 15h5" />
    </>
  ),
  apiCredential: (
    <>
      <path d="M8.5 7 4 12l4.5 5M15.5 7l4.5 5-4.5 5M13.5 5.5l-3 13" />
    </>
  ),
}

export interface TypeIconProps {
  readonly type: ItemType
  readonly size?: 'small' | 'large'
}

export function TypeIcon({ type, size = 'small' }: TypeIconProps) {
  return (
    <span className={`type-icon type-icon-${type} type-icon-${size}`} aria-hidden="true">
      <SvgIcon sized={false}>{GLYPHS[type]}</SvgIcon>
    </span>
  )
}

/** The bare glyph, for the sidebar. */
export function TypeGlyph({ type }: { readonly type: ItemType }) {
  return <SvgIcon>{GLYPHS[type]}</SvgIcon>
}
