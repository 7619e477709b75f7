/**
 * FHIR Bulk Data {@code $export} (issue 48, export): what a facility system receives, person by person, through the
 * record's read door and the token's scopes — never more than its searches would return.
 */
package org.musubi.fhirapi.export;
