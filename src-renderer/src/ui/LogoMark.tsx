/**
 * The app's mark: a vault door (hinges, a dial with its handle) on a rounded
 * tile, drawn inline so it needs no image request under the CSP and takes the
 * theme's accent colour.
 */
export function LogoMark({ size = 56 }: { readonly size?: number }) {
  return (
    <svg className="logo-mark" viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <rect className="logo-mark-tile" x="2" y="2" width="60" height="60" rx="16" />
      <rect className="logo-mark-line" x="14" y="14" width="36" height="36" rx="7" />
      <path className="logo-mark-line" d="M11 22v5M11 37v5" />
      <circle className="logo-mark-line" cx="34" cy="32" r="8.5" />
      <path className="logo-mark-line" d="M34 32v-8.5M34 32l7.4 4.25M34 32l-7.4 4.25" />
      <circle className="logo-mark-hub" cx="34" cy="32" r="3" />
    </svg>
  )
}
