import { randomUUID } from 'node:crypto'

/** Record ids are random and carry no meaning, so they reveal nothing about content. */
export function newId(): string {
  return randomUUID()
}
