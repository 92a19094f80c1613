/** The field-flag help shared by `add` and `edit`. */
import { GLOBAL_HELP } from '../command.ts'
import { GENERATOR_HELP } from '../generator-flags.ts'

export const FIELD_FLAGS_HELP = `Field options (none of them takes a secret):
  --title TITLE            the item's title
  --username NAME          login and apiCredential items
  --url URL                add a URL (repeatable; an apiCredential has one)
  --field NAME=VALUE       any other non-secret field: cardholder, brand, expiry (MM/YYYY), firstName,
                           lastName, email, phone, company, address1, city, postalCode, country, …
  --custom LABEL=VALUE     a visible custom field (added, or changed if the label exists)
  --tag TAG                add a tag (repeatable)
  --favorite               mark as a favorite (--no-favorite: unmark)
Secrets and notes (never as arguments):
  --prompt FIELD           type FIELD without echo: password, totp, number, securityCode, pin,
                           privateKey, passphrase, credential, notes, or custom:LABEL for a hidden
                           custom field (repeatable; needs a terminal)
  --generate-password      fill the password (login) or credential (apiCredential) with a new one
  --generate-ssh-key       fill an sshKey item with a new Ed25519 key
  --json                   read a JSON document from stdin, after the password line(s); the flags
                           apply on top of it

${GENERATOR_HELP}

${GLOBAL_HELP}`
