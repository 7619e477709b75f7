/**
 * The machine side: API clients and their administration, the OAuth2 client-credentials token endpoint
 * (SMART Backend Services client assertions, Basic or body secrets), bearer tokens and the stateless
 * security chain of the FHIR API.
 */
package org.musubi.security.internal.api;
