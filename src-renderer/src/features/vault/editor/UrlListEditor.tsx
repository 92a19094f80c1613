/** A login's web addresses: any number, each its own row. */
import { Button, IconButton, TextField } from '../../../ui/index.ts'
import { IconClose, IconPlus } from '../icons/icons.tsx'

export interface UrlListEditorProps {
  readonly urls: readonly string[]
  readonly onChange: (urls: readonly string[]) => void
  readonly error?: string | undefined
}

export function UrlListEditor({ urls, onChange, error }: UrlListEditorProps) {
  const set = (index: number, value: string) => onChange(urls.map((url, i) => (i === index ? value : url)))
  return (
    <div className="url-list">
      {urls.map((url, index) => (
        <TextField
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place; none is reordered.
          key={index}
          label={urls.length > 1 ? `Website ${index + 1}` : 'Website'}
          type="url"
          value={url}
          placeholder="https://example.com"
          onChange={(value) => set(index, value)}
          error={index === 0 ? error : undefined}
          trailing={
            <IconButton
              label={`Remove website ${index + 1}`}
              onClick={() => onChange(urls.filter((_, i) => i !== index))}
            >
              <IconClose />
            </IconButton>
          }
        />
      ))}
      <Button small variant="ghost" className="add-button" onClick={() => onChange([...urls, ''])}>
        <IconPlus />
        Add website
      </Button>
    </div>
  )
}
