/**
 * Remote and double reading of studies (issue 47, build item 4): a work-item state machine owned by Musubi (Orthanc has
 * no UPS-RS). A requesting facility's doctor asks a reading centre to read one study; the centre's readers claim it,
 * report it (a DiagnosticReport entered as the centre's own data) and the report returns to the requester.
 * {@link org.musubi.imaging.reading.ReadingStatus} holds the allowed steps; a double-reading programme
 * ({@link org.musubi.imaging.reading.DoubleReading}) gives each study two independent readings, blind to each other,
 * then a comparison step that records agreement or the final reading.
 */
package org.musubi.imaging.reading;
