/**
 * Box (issue 43): files shared between participants — named users or a facility's members of chosen professions —
 * streamed into the blob store's part area under each file's own name, deleted after their retention by an idempotent
 * sweep; every upload, download and deletion audited once.
 */
package org.musubi.box;
