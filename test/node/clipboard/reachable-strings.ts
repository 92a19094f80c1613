/**
 * Looks inside a ClipboardGuard through the V8 inspector, which sees what
 * JavaScript cannot: #private fields and the variables a closure holds on to.
 * Used to show the guard keeps no copy of the text it put on the clipboard.
 */
import type { Runtime } from 'node:inspector'
import { Session } from 'node:inspector/promises'

const HANDLE = '__clipboardGuardUnderInspection'

type Remote = Runtime.RemoteObject

/** V8 reports #private fields here; @types/node's protocol types predate the field. */
interface PrivateProperty {
  readonly name: string
  readonly value?: Remote
}

async function inspectRemote<T>(value: object, use: (session: Session, objectId: string) => Promise<T>): Promise<T> {
  const session = new Session()
  session.connect()
  const global = globalThis as Record<string, unknown>
  global[HANDLE] = value
  try {
    const { result } = await session.post('Runtime.evaluate', { expression: `globalThis.${HANDLE}` })
    return await use(session, idOf(result))
  } finally {
    delete global[HANDLE]
    session.disconnect()
  }
}

function idOf(remote: Remote | undefined): string {
  if (remote?.objectId === undefined) throw new Error('expected an object')
  return remote.objectId
}

function stringsIn(values: Array<Remote | undefined>): string[] {
  return values.flatMap((value) => (value?.type === 'string' ? [String(value.value)] : []))
}

async function privateFields(session: Session, objectId: string): Promise<PrivateProperty[]> {
  const reply = await session.post('Runtime.getProperties', { objectId, ownProperties: true })
  return (reply as { privateProperties?: PrivateProperty[] }).privateProperties ?? []
}

/** The guard's #private fields: their names, every string among their values, and the size of #ours. */
export async function privateStringsOf(guard: object) {
  return inspectRemote(guard, async (session, objectId) => {
    const fields = await privateFields(session, objectId)
    const ours = fields.find((field) => field.name === '#ours')?.value
    const digestLength = ours?.subtype === 'typedarray' ? Number(/\((\d+)\)/.exec(ours.description ?? '')?.[1]) : null
    return {
      names: fields.map((field) => field.name),
      strings: stringsIn(fields.map((field) => field.value)),
      digestLength,
    }
  })
}

/** The variables the pending timer's callback closes over (outside the global scope), and every string among them. */
export async function timerClosureStringsOf(guard: object) {
  return inspectRemote(guard, async (session, objectId) => {
    const timer = (await privateFields(session, objectId)).find((field) => field.name === '#timer')?.value
    const { result: timerProps } = await session.post('Runtime.getProperties', {
      objectId: idOf(timer),
      ownProperties: true,
    })
    const callback = timerProps.find((property) => property.name === '_onTimeout')?.value
    const { internalProperties = [] } = await session.post('Runtime.getProperties', {
      objectId: idOf(callback),
      ownProperties: true,
    })
    const scopeList = internalProperties.find((property) => property.name === '[[Scopes]]')?.value
    const { result: scopes } = await session.post('Runtime.getProperties', { objectId: idOf(scopeList) })
    const variables: Runtime.PropertyDescriptor[] = []
    for (const scope of scopes) {
      if (scope.value?.description === 'Global') continue
      const { result } = await session.post('Runtime.getProperties', { objectId: idOf(scope.value) })
      variables.push(...result)
    }
    return { variables: variables.map((variable) => variable.name), strings: stringsIn(variables.map((v) => v.value)) }
  })
}
