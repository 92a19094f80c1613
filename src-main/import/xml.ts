/**
 * XML for KeePass 2 exports, with fast-xml-parser: pure JavaScript, no native
 * code, no network, and maintained with security fixes.
 *
 * XXE and entity bombs are impossible twice over:
 * - a document with a DTD (<!DOCTYPE …>) or an entity declaration is refused
 *   before parsing (KeePass never writes one), so there is nothing to expand;
 * - the parser runs with processEntities off, so it expands no entity at all.
 * The five predefined entities and numeric character references (&#xD; is how
 * KeePass writes a carriage return) are then decoded here, in text only, by a
 * single non-recursive replace: its output is never decoded again.
 *
 * Malformed XML is found by fast-xml-parser's validator, whose line number is
 * used; its message (which may quote a tag name) is not.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { importInvalid } from './failure.ts'
import { lineAt } from './text.ts'

export type XmlNode = Record<string, unknown>

const CDATA = '__cdata'

export function parseXml(file: string, text: string, arrays: ReadonlySet<string>): XmlNode {
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(text)
  if (dtd !== null) {
    throw importInvalid(
      file,
      { line: lineAt(text, dtd.index) },
      'the XML declares a DTD or entities, which KeePass never writes; refused for safety.',
    )
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw importInvalid(file, { line: valid.err.line }, 'the XML is malformed (damaged or cut short).')
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    alwaysCreateTextNode: true,
    cdataPropName: CDATA,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: 256,
    isArray: (name) => arrays.has(name),
  })
  try {
    return parser.parse(text) as XmlNode
  } catch {
    throw importInvalid(file, { line: 1 }, 'the XML nests too deeply or could not be read.')
  }
}

/** An element's text: entity references decoded, CDATA taken as is; '' for a missing element. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return decodeEntities(node)
  if (typeof node !== 'object' || node === null) return ''
  const element = node as XmlNode
  const text = typeof element['#text'] === 'string' ? decodeEntities(element['#text']) : ''
  const cdata = element[CDATA]
  const raw = Array.isArray(cdata) ? cdata.filter((part) => typeof part === 'string').join('') : cdata
  return text + (typeof raw === 'string' ? raw : '')
}

/** An attribute of an element, '' when absent. */
export function attributeOf(node: unknown, name: string): string {
  if (typeof node !== 'object' || node === null) return ''
  const value = (node as XmlNode)[`@_${name}`]
  return typeof value === 'string' ? value : ''
}

/** Child elements by name, always as a list. */
export function childrenOf(node: unknown, name: string): readonly XmlNode[] {
  if (typeof node !== 'object' || node === null) return []
  const value = (node as XmlNode)[name]
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.filter((child): child is XmlNode => typeof child === 'object' && child !== null)
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|apos|quot);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return NAMED[name] ?? whole
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
    return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole
  })
}
