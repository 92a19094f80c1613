import { useAppInfo } from './use-app-info.ts'

/** "Vault 0.1.0", for the small print under the welcome and unlock cards; nothing until main answers. */
export function AppVersion() {
  const state = useAppInfo()
  if (state.kind !== 'loaded') return null
  return (
    <span>
      {state.info.name} {state.info.version}
    </span>
  )
}
