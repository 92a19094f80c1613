import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { appMenuTemplate } from '../../../src-main/window/app-menu.ts'

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])
}

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s has no reload or DevTools in a release build', (platform) => {
    const found = roles(appMenuTemplate({ platform, isDev: false, appName: 'Vault' }))
    expect(found).not.toContain('reload')
    expect(found).not.toContain('forceReload')
    expect(found).not.toContain('toggleDevTools')
    expect(found).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'quit']))
  })

  it('offers reload and DevTools in development', () => {
    expect(roles(appMenuTemplate({ platform: 'linux', isDev: true, appName: 'Vault' }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    )
  })

  it('sets no accelerator of its own, so the window keeps its shortcuts (Mod+F, Mod+L, Mod+Shift+C…)', () => {
    const template = appMenuTemplate({ platform: 'darwin', isDev: false, appName: 'Vault' })
    expect(JSON.stringify(template)).not.toContain('accelerator')
  })
})
