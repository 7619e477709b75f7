/**
 * Lockouts at the login page: per-address throttling of failed attempts (429) and, for a client told that a
 * login id is locked, the notice of until when and the refusal of its password step.
 */
package org.musubi.security.internal.lockout;
