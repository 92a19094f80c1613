import { Spinner } from '../../ui/index.ts'

type CharacterKind = 'letter' | 'digit' | 'symbol'

function kindOf(character: string): CharacterKind {
  if (/\p{N}/u.test(character)) return 'digit'
  if (/\p{L}/u.test(character)) return 'letter'
  return 'symbol'
}

/** Splits a value into runs of one kind, so a 128-character password is a handful of spans, not 128. */
function runsOf(value: string): { kind: CharacterKind; text: string }[] {
  const runs: { kind: CharacterKind; text: string }[] = []
  for (const character of value) {
    const kind = kindOf(character)
    const last = runs.at(-1)
    if (last?.kind === kind) last.text += character
    else runs.push({ kind, text: character })
  }
  return runs
}

/**
 * The generated value, large and monospaced, with digits and symbols tinted
 * so look-alikes (0/O, 1/l, |) are easy to tell apart when read aloud or typed.
 * Its text content is exactly the value.
 */
export function GeneratedValue({ value }: { readonly value: string | null }) {
  if (value === null) {
    return (
      <output className="generated-value generated-pending" aria-busy="true">
        <Spinner />
      </output>
    )
  }
  return (
    <output className="generated-value" data-testid="generated-value" aria-label="Generated value">
      {runsOf(value).map((run, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional; the value is replaced as a whole.
        <span key={index} className={`generated-${run.kind}`}>
          {run.text}
        </span>
      ))}
    </output>
  )
}
