/**
 * The values of add/edit that never come from arguments: typed at a no-echo
 * prompt (--prompt), made by the generator (--generate-password) or made as
 * a new SSH key (--generate-ssh-key).
 */
import { CUSTOM_FIELD_PREFIX } from '../../src-shared/domain/item.ts'
import { generateSshKey } from '../items/index.ts'
import { CliError } from './cli-error.ts'
import { generateSecret } from './generator-flags.ts'
import { FIELD_HINT, type Inputs } from './inputs.ts'
import { fieldLabel, isMultiline } from './item-fields.ts'
import type { ItemFlags, LabelledValue } from './item-flags.ts'

export interface GatheredSecrets {
  readonly fields: Readonly<Record<string, string>>
  readonly notes?: string
  /** custom:LABEL prompts: an existing custom field's new value, or a new hidden field. */
  readonly custom: readonly LabelledValue[]
  /** What --generate-password made, for the message (never the value). */
  readonly generated?: { readonly field: string; readonly entropyBits: number; readonly kind: string }
}

/** Checked before the vault is unlocked: --prompt with no terminal would fail only after the password. */
export function assertCanGather(flags: ItemFlags, inputs: Inputs): void {
  if (flags.prompts.length > 0 && !inputs.interactive) {
    throw new CliError('NO_TERMINAL', FIELD_HINT)
  }
}

export async function gatherSecrets(flags: ItemFlags, inputs: Inputs): Promise<GatheredSecrets> {
  const fields: Record<string, string> = {}
  const custom: LabelledValue[] = []
  let notes: string | undefined
  for (const name of flags.prompts) {
    if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
      const label = name.slice(CUSTOM_FIELD_PREFIX.length)
      custom.push({ label, value: await inputs.field(label, { multiline: false }) })
    } else if (name === 'notes') {
      notes = await inputs.field('Notes', { multiline: true })
    } else {
      fields[name] = await inputs.field(fieldLabel(name), { multiline: isMultiline(name) })
    }
  }
  if (flags.generateSshKey) fields.privateKey = generateSshKey().privateKey
  const generated = flags.generate ? generateSecret(flags.generate.request) : undefined
  if (flags.generate && generated) fields[flags.generate.field] = generated.value
  return {
    fields,
    ...(notes !== undefined ? { notes } : {}),
    custom,
    ...(flags.generate && generated
      ? {
          generated: {
            field: flags.generate.field,
            entropyBits: generated.entropyBits,
            kind: flags.generate.request.kind,
          },
        }
      : {}),
  }
}
