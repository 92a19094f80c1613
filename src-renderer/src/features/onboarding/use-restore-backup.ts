import type { BackupChoiceView, OpenedBackupView } from '@shared/ipc/views.ts'
import { type FormEvent, useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { backupPasswordMissing, type RestoreProblem, restoreProblem } from './restore-problems.ts'

export type ChosenBackup = Extract<BackupChoiceView, { chosen: true }>

export interface RestoreBackupControl {
  /** The file main read and keeps; null until one is chosen. */
  readonly chosen: ChosenBackup | null
  /** Set once the backup password opened it: main now holds its items. */
  readonly opened: OpenedBackupView | null
  readonly password: string
  readonly setPassword: (value: string) => void
  readonly busy: 'choosing' | 'opening' | null
  readonly problem: RestoreProblem | null
  readonly choose: () => void
  readonly open: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * The first half of a restore: choose the backup (main's open dialog; main
 * keeps the bytes) and open it with its backup password (main decrypts and
 * keeps the items). The window holds a token, a name, a count and a date.
 * However the step goes away (Back, a finished restore, the window moving
 * on), main is told to drop the file and its decrypted items.
 */
export function useRestoreBackup(): RestoreBackupControl {
  const client = useVaultClient()
  const [chosen, setChosen] = useState<ChosenBackup | null>(null)
  const [opened, setOpened] = useState<OpenedBackupView | null>(null)
  const [password, setPasswordValue] = useState('')
  const [busy, setBusy] = useState<RestoreBackupControl['busy']>(null)
  const [problem, setProblem] = useState<RestoreProblem | null>(null)
  // After a restore main has dropped them already and ignores this.
  useEffect(() => () => void client.forgetBackupFile(), [client])

  async function choose(): Promise<void> {
    setBusy('choosing')
    setProblem(null)
    const result = await client.chooseBackupFile()
    setBusy(null)
    if (!result.ok) return setProblem(restoreProblem(result.error))
    // Cancel keeps the file chosen before, as main does.
    if (!result.data.chosen) return
    setChosen(result.data)
    setPasswordValue('')
  }

  async function open(token: string): Promise<void> {
    setBusy('opening')
    setProblem(null)
    const result = await client.openBackupFile({ token, password })
    setBusy(null)
    if (!result.ok) {
      const found = restoreProblem(result.error)
      if (found.clearPassword) setPasswordValue('')
      return setProblem(found)
    }
    // The backup password has done its job: the window forgets it.
    setPasswordValue('')
    setOpened(result.data)
  }

  return {
    chosen,
    opened,
    password,
    setPassword: (value) => {
      setPasswordValue(value)
      if (problem?.field === 'password') setProblem(null)
    },
    busy,
    problem,
    choose: () => {
      if (busy === null) void choose()
    },
    open: (event) => {
      event.preventDefault()
      if (busy !== null || chosen === null) return
      if (password === '') return setProblem(backupPasswordMissing())
      void open(chosen.token)
    },
  }
}
