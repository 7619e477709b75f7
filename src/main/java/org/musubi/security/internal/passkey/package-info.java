/**
 * Passkeys (WebAuthn) as a second factor beside TOTP: a signed-in resident adds one on {@code /phr/passkeys}; at the
 * second login step a user with passkeys may answer with one instead of a code. Responses are verified with
 * webauthn4j against a challenge kept in the HTTP session, the relying party (this server's host) and its origin.
 */
package org.musubi.security.internal.passkey;
