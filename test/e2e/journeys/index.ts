/** Every user journey, registered once per project (renderer-chromium and electron) by support/journey.ts. */
import type { JourneyTest } from '../support/journey.ts'
import * as copy from './copy.ts'
import * as generator from './generator.ts'
import * as history from './history.ts'
import * as items from './items.ts'
import * as lock from './lock.ts'
import * as onboarding from './onboarding.ts'
import * as restore from './restore.ts'
import * as search from './search.ts'
import * as security from './security.ts'
import * as settings from './settings.ts'
import * as shell from './shell.ts'
import * as transfer from './transfer.ts'
import * as trash from './trash.ts'

const JOURNEYS = [
  shell,
  onboarding,
  lock,
  settings,
  security,
  generator,
  items,
  search,
  copy,
  trash,
  history,
  transfer,
  restore,
]

export function registerJourneys(test: JourneyTest): void {
  for (const journey of JOURNEYS) journey.register(test)
}
