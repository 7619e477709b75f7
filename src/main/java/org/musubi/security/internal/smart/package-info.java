/**
 * Apps a resident connects to their own record: SMART App Launch, standalone patient launch. The operator registers
 * an app (a public client: exact redirect URIs, the scopes it may ask for); the resident, logged in to the health
 * notebook with both factors, approves it on a consent page ({@code /oauth2/authorize}); the app exchanges the one-time
 * code with its PKCE verifier (S256 only) at {@code /oauth2/token} for a short-lived access token, a rotating refresh
 * token ({@code offline_access}) and, with {@code openid}, an id_token; its calls to {@code /fhir} act as the
 * resident, read only, on the resident's own person only. The resident disconnects an app on {@code /phr/apps}.
 * Codes and tokens are stored as SHA-256 hashes. Discovery: {@code /.well-known/smart-configuration} (also under
 * {@code /fhir}), {@code /.well-known/openid-configuration}, {@code /oauth2/jwks}.
 */
package org.musubi.security.internal.smart;
