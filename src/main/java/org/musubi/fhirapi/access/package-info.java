/**
 * Who calls {@code /fhir} and what their token lets them do: the {@link org.musubi.fhirapi.access.Caller} (an API
 * client or a signed-in browser user) and the purpose of use it declares, the one table of what SMART system scopes
 * allow ({@link org.musubi.fhirapi.access.ScopeTable}) and a call as its scopes shape it, and the one 404 for whatever
 * the caller may not see ({@link org.musubi.fhirapi.access.Refusals}). Every provider starts here.
 */
package org.musubi.fhirapi.access;
