/** What add and edit say on stderr about a generated secret: its strength and where to read it, never the value. */
import type { ItemView } from '../../../src-shared/domain/item.ts'
import type { GatheredSecrets } from '../item-secrets.ts'
import type { Output } from '../output.ts'

export function reportGenerated(out: Output, view: ItemView, generated: GatheredSecrets['generated']): void {
  if (generated === undefined) return
  out.notice(
    `Generated a new ${generated.kind} (${generated.entropyBits.toFixed(1)} bits of entropy) as the ${generated.field}; ` +
      `print it with: vault get ${view.id} ${generated.field}`,
  )
}
