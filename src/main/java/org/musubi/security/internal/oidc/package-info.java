/**
 * My Number card login: residents log in through an outside OpenID provider, the デジタル認証アプリ, which proves the
 * holder of a My Number card with the card and its PIN (OpenID Connect authorization code flow with PKCE S256, state
 * and nonce; ID tokens verified with Nimbus JOSE + JWT against the provider's JWK Set). A resident signed in with both
 * factors links the subject the provider proved to their account ({@code /phr/mynumber}); afterwards that subject logs
 * the account in by itself or, if the operator configures the provider so, as the step after the password. Nothing
 * but the provider's subject identifier is stored (V33 {@code oidc_link}). The extension point is the configuration
 * ({@code musubi.security.oidc}): any OpenID provider that speaks the same flow can be registered.
 */
package org.musubi.security.internal.oidc;
