/**
 * The audit trail as BALP-shaped AuditEvent resources, for network administrators only; each search is audited too.
 */
package org.musubi.fhirapi.audit;
