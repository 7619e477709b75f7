/**
 * The ORCA connector (issue 46): a facility's 日医標準レセプトソフト server pulled through its published API (xml2 over
 * HTTP with Basic authentication) on a schedule, one window of days at a time, each window one import batch of kind
 * {@link org.musubi.ingest.ImportKind#ORCA} read by {@link org.musubi.ingest.orca.OrcaReader}. docs/no-ehr.md. A named interface: the admin pages
 * ({@code portal.admin.imports.OrcaController}) use {@link org.musubi.ingest.orca.OrcaAdministration} and
 * {@link org.musubi.ingest.orca.OrcaPulls}.
 */
@NamedInterface("orca")
package org.musubi.ingest.orca;

import org.springframework.modulith.NamedInterface;
