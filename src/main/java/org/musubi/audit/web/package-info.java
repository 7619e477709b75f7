/**
 * The request id every interface answers with and the audit trail records ({@link org.musubi.audit.web.RequestIds}),
 * read by servlets that set their own response headers, such as the FHIR API's.
 */
@NamedInterface("web")
package org.musubi.audit.web;

import org.springframework.modulith.NamedInterface;
