import { Button, Dialog } from '../../../ui/index.ts'
import { COPY_SHORTCUT_NOTE, SHORTCUT_HELP } from './keymap.ts'
import './shortcuts.css'

export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      <div className="shortcuts">
        {SHORTCUT_HELP.map(({ group, items }) => (
          <section key={group} className="shortcuts-group">
            <h3 className="shortcuts-heading">{group}</h3>
            <dl className="shortcuts-list">
              {items.map((item) => (
                <div key={item.description} className="shortcuts-row">
                  <dt className="shortcuts-keys">
                    {item.keys.map((combo, index) => (
                      <span key={combo.join('+')} className="shortcuts-combo">
                        {index > 0 ? <span className="shortcuts-or">or</span> : null}
                        {combo.map((key) => (
                          <kbd key={key}>{key}</kbd>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd>{item.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="shortcuts-note">{COPY_SHORTCUT_NOTE}</p>
    </Dialog>
  )
}
