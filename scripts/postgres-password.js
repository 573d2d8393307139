#!/usr/bin/env node
// @ts-check
/**
 * For `m365agents.yml` (provision, `script` action): gives the environment a PostgreSQL
 * administrator password the first time, and keeps it afterwards. When
 * SECRET_POSTGRES_ADMIN_PASSWORD is empty it prints the Agents Toolkit's output command
 * `::set-teamsfx-env SECRET_POSTGRES_ADMIN_PASSWORD=…`, which stores the value in
 * env/.env.<env>.user (SECRET_ variables never go to env/.env.<env>); Bicep then writes it to the
 * server and into the `database-url` secret in Key Vault. It prints nothing when a password is set.
 */
'use strict';

const crypto = require('node:crypto');

/**
 * 32 characters: upper and lower case letters, digits and one symbol that needs no escaping in a
 * URL, a shell or an .env file, so Azure's rule "three of four character classes" always holds.
 */
function newPassword() {
  const body = crypto.randomBytes(24).toString('base64url').replace(/[-_]/g, 'x');
  return `${body.slice(0, 28)}Aa1.`;
}

/** Empty, or the toolkit's placeholder left as it was because the variable is not set yet. */
function isUnset(/** @type {string | undefined} */ value) {
  const text = value?.trim() ?? '';
  return text === '' || /^\$\{\{\s*[A-Z0-9_]+\s*\}\}$/.test(text);
}

if (require.main === module) {
  if (isUnset(process.env.SECRET_POSTGRES_ADMIN_PASSWORD)) {
    console.log(`::set-teamsfx-env SECRET_POSTGRES_ADMIN_PASSWORD=${newPassword()}`);
  }
}

module.exports = { newPassword, isUnset };
