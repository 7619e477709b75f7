/**
 * Signing in, in two steps: the login page, loading an account for the password step and what follows it
 * (success, counted and audited failure), then the second factor (a TOTP or recovery code) and the
 * enrolment of an authenticator.
 */
package org.musubi.security.internal.login;
