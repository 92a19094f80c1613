import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../../src-main/window/window-options.ts'

describe('mainWindowOptions', () => {
  const preloadPath = '/app/out/preload/index.cjs'

  it('locks the renderer down', () => {
    expect(mainWindowOptions({ preloadPath, isDev: false }).webPreferences).toEqual({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    })
  })

  it('gives DevTools to development builds only, changing nothing else', () => {
    const production = mainWindowOptions({ preloadPath, isDev: false })
    const development = mainWindowOptions({ preloadPath, isDev: true })
    expect(development.webPreferences?.devTools).toBe(true)
    expect({ ...development.webPreferences, devTools: false }).toEqual(production.webPreferences)
  })

  it('waits for the first paint before showing the window', () => {
    expect(mainWindowOptions({ preloadPath, isDev: false }).show).toBe(false)
  })
})
