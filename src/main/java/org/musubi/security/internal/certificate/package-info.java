/**
 * Staff login with a client certificate as the first factor (TOTP stays the second): the certificate arrives from a
 * TLS-terminating proxy as a header protected by a shared secret, or by mutual TLS on a second connector; Musubi checks
 * it against the operator's trust anchors and the certificates administrators registered for users
 * (docs/client-certificates.md).
 */
package org.musubi.security.internal.certificate;
