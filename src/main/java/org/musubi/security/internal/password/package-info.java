/**
 * Passwords and secrets at rest: argon2id hashing and the login counters' beans, the at-rest encryption
 * key, a user changing their own password, and asking for the password again before a grave step (break-the-glass).
 */
package org.musubi.security.internal.password;
