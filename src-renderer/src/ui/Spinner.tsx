/** A small indeterminate spinner for buttons and progress lines; the text beside it says what is happening. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />
}
