import { GENERIC_CSV_FIELD_LABELS, GENERIC_CSV_FIELDS } from '@shared/ipc/transfer.ts'
import { Banner, Select, type SelectOption } from '../../ui/index.ts'
import type { ColumnMappingControl } from './use-column-mapping.ts'

/** The choice for a field that takes nothing from the file. */
const NOT_IMPORTED = ''

/**
 * "Other CSV": which column of the file holds each of our fields. Every
 * change re-reads the file in main and the preview below follows.
 */
export function ColumnMapping({ control }: { readonly control: ColumnMappingControl }) {
  const options: readonly SelectOption<string>[] = [
    { value: NOT_IMPORTED, label: '— not imported —' },
    ...control.columns.map((column) => ({ value: column, label: column })),
  ]
  return (
    <fieldset className="transfer-mapping" data-testid="import-mapping" aria-busy={control.busy}>
      <legend className="field-label">Columns</legend>
      <p className="security-text">
        Choose the column that holds each field. A column no field takes is kept on every item as a custom field.
      </p>
      <div className="transfer-mapping-grid">
        {GENERIC_CSV_FIELDS.map((field) => (
          <Select
            key={field}
            label={`${GENERIC_CSV_FIELD_LABELS[field]} column`}
            value={control.fields[field] ?? NOT_IMPORTED}
            options={options}
            disabled={control.busy}
            onChange={(column) => control.change(field, column === NOT_IMPORTED ? null : column)}
          />
        ))}
      </div>
      {control.error ? (
        <Banner tone="error" live="alert" testId="import-mapping-error">
          {control.error}
        </Banner>
      ) : null}
    </fieldset>
  )
}
