/**
 * Users' stored login state: credentials (password hash, TOTP secret, recovery codes, failure counter and
 * lock) in PostgreSQL, what administrators do to someone's login (temporary passwords, enrolment codes, resets)
 * and the demo accounts' known secrets.
 */
package org.musubi.security.internal.account;
