/**
 * The body of an item: its type's fields, web addresses, one-time password,
 * custom fields, notes and tags. Used for the current item and, read-only,
 * for an older revision in the history.
 */
import type { ItemView } from '@shared/domain/item.ts'
import { IconTag } from '../icons/icons.tsx'
import { FIELD_SPECS, type FieldSpec } from '../model/item-types.ts'
import { PlainRow, SecretRow, UrlRow } from './FieldRows.tsx'
import { TotpRow } from './TotpRow.tsx'
import { useCopy } from './use-copy.ts'
import { type RevealedSecrets, useRevealedSecrets } from './use-revealed-secrets.ts'

export interface ItemFieldsProps {
  readonly view: ItemView
  /** Set for an older revision: reveal and copy read that revision, and no live code runs. */
  readonly revision?: number
  readonly version: number
  readonly onTag?: (tag: string) => void
}

export function ItemFields({ view, revision, version, onTag }: ItemFieldsProps) {
  const secrets = useRevealedSecrets(view.id, revision)
  const rows = <TypeFieldRows view={view} revision={revision} version={version} secrets={secrets} />
  const hasTypeFields = FIELD_SPECS[view.type].some((spec) => isShown(view, spec)) || urlsOf(view).length > 0
  return (
    <>
      {hasTypeFields ? <section className="detail-card">{rows}</section> : null}
      <CustomFieldRows view={view} revision={revision} secrets={secrets} />
      {view.notes === '' ? null : (
        <section className="detail-card" aria-label="Notes">
          <h2 className="detail-card-title">Notes</h2>
          <p className="detail-notes" data-testid="notes">
            {view.notes}
          </p>
        </section>
      )}
      {view.tags.length === 0 ? null : (
        <ul className="detail-tags" aria-label="Tags">
          {view.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="tag-chip"
                onClick={() => onTag?.(tag)}
                title={`Show items tagged ${tag}`}
              >
                <IconTag />
                {tag}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

interface RowsProps {
  readonly view: ItemView
  readonly revision: number | undefined
  readonly version?: number
  readonly secrets: RevealedSecrets
}

function TypeFieldRows({ view, revision, version, secrets }: RowsProps) {
  const { copyField, copyTotp } = useCopy()
  const copy = (name: string, label: string) => () => void copyField(view.id, name, label, revision)
  const live = revision === undefined
  const rows = FIELD_SPECS[view.type].filter((spec) => isShown(view, spec) && spec.name !== 'url')
  return (
    <>
      {rows.map((spec) => {
        if (spec.name === 'totp' && live) {
          return <TotpRow key="totp" id={view.id} version={version ?? 0} onCopy={() => void copyTotp(view.id)} />
        }
        if (spec.secret) {
          const label = spec.name === 'totp' ? 'One-time password setup key' : spec.label
          return (
            <SecretRow
              key={spec.name}
              label={label}
              name={spec.name}
              secrets={secrets}
              multiline={spec.input === 'multiline'}
              colorize={spec.name === 'password'}
              onCopy={copy(spec.name, label)}
            />
          )
        }
        const value = stringField(view, spec.name)
        return <PlainRow key={spec.name} {...plainProps(spec, value)} onCopy={copy(spec.name, spec.label)} />
      })}
      {urlsOf(view).map((url, index) => (
        <UrlRow
          // biome-ignore lint/suspicious/noArrayIndexKey: main opens a URL by its index, which is its identity here.
          key={index}
          id={view.id}
          url={url}
          index={index}
          label={view.type === 'login' ? 'Website' : 'Endpoint'}
          canOpen={live}
          onCopy={view.type === 'apiCredential' ? copy('url', 'Endpoint') : undefined}
        />
      ))}
    </>
  )
}

function CustomFieldRows({ view, revision, secrets }: RowsProps) {
  const { copyField } = useCopy()
  if (view.customFields.length === 0) return null
  return (
    <section className="detail-card" aria-label="More fields">
      {view.customFields.map((field) => {
        const name = `custom:${field.id}`
        const onCopy = () => void copyField(view.id, name, field.label, revision)
        if (field.kind !== 'hidden') {
          return <PlainRow key={field.id} label={field.label} name={name} value={field.value} onCopy={onCopy} />
        }
        if (!view.secretFields.includes(name)) {
          return <PlainRow key={field.id} label={field.label} name={name} value="" onCopy={onCopy} />
        }
        return <SecretRow key={field.id} label={field.label} name={name} secrets={secrets} onCopy={onCopy} />
      })}
    </section>
  )
}

function plainProps(spec: FieldSpec, value: string) {
  return { label: spec.label, name: spec.name, value, mono: spec.mono, multiline: spec.input === 'multiline' }
}

function isShown(view: ItemView, spec: FieldSpec): boolean {
  return spec.secret ? view.secretFields.includes(spec.name) : stringField(view, spec.name) !== ''
}

function stringField(view: ItemView, name: string): string {
  const value = view.fields[name]
  return typeof value === 'string' ? value : ''
}

/** Login addresses, or an API credential's endpoint: the same list main opens by index. */
function urlsOf(view: ItemView): readonly string[] {
  if (view.type === 'login') {
    const urls = view.fields.urls
    return urls === undefined || typeof urls === 'string' ? [] : urls
  }
  const endpoint = stringField(view, 'url')
  return view.type === 'apiCredential' && endpoint !== '' ? [endpoint] : []
}
