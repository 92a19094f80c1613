/** Which part of the vault the sidebar has selected, and the list filter it stands for. */
import type { ItemFilter, ItemType } from '@shared/domain/item.ts'
import { TYPE_NAMES } from './item-types.ts'

export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'favorites' }
  | { readonly kind: 'type'; readonly type: ItemType }
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'trash' }

export const ALL_ITEMS: Scope = { kind: 'all' }

export function filterFor(scope: Scope, query: string): ItemFilter {
  const trimmed = query.trim()
  const search = trimmed === '' ? {} : { query: trimmed }
  switch (scope.kind) {
    case 'all':
      return search
    case 'favorites':
      return { ...search, favorite: true }
    case 'type':
      return { ...search, type: scope.type }
    case 'tag':
      return { ...search, tag: scope.tag }
    case 'trash':
      return { ...search, trash: true }
  }
}

export function scopeTitle(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return 'All items'
    case 'favorites':
      return 'Favorites'
    case 'type':
      return TYPE_NAMES[scope.type].many
    case 'tag':
      return scope.tag
    case 'trash':
      return 'Trash'
  }
}

export function sameScope(a: Scope, b: Scope): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
