/**
 * Remote reading (遠隔読影, issue 47): a requesting facility's doctor asks a reading centre (an operator-kept {@code
 * reading_service}) to read one study; the centre's doctors claim, release, decline or report it — opening the study in
 * the viewer through {@link org.musubi.imaging.proxy.StudyGrants} while the request is open — and the report (a JP Core
 * DiagnosticReport entered by the reader under the requester's source patient) returns to the requester, who reads and
 * acknowledges it. Every step is one interaction with the person's record, audited once; a step the state or the caller
 * does not allow answers like a request that does not exist. The states: {@link org.musubi.imaging.reading.ReadingItem}.
 */
package org.musubi.imaging.reading.remote;
