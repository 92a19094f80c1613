import { AUTO_LOCK_CHOICES_MS, CLIPBOARD_CLEAR_CHOICES_MS } from '@shared/ipc/limits.ts'
import { formatDelayChoice } from '../../app/format-duration.ts'
import type { SelectOption } from '../../ui/Select.tsx'

function choices(values: readonly number[]): readonly SelectOption<number>[] {
  return values.map((value) => ({ value, label: formatDelayChoice(value) }))
}

/** "1 minute" … "4 hours", "Never": exactly the values main accepts. */
export const AUTO_LOCK_OPTIONS = choices(AUTO_LOCK_CHOICES_MS)

/** "10 seconds" … "5 minutes", "Never". */
export const CLIPBOARD_CLEAR_OPTIONS = choices(CLIPBOARD_CLEAR_CHOICES_MS)
