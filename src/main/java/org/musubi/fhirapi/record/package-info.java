/**
 * RESTful interactions on the record's resource types other than Patient: read, vread, history, search within one
 * person's record (with {@code _include}), create, update and delete of the caller's own facility's data; one
 * provider instance per type, through the access policy and the audit trail.
 */
package org.musubi.fhirapi.record;
