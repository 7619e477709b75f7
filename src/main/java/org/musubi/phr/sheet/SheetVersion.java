package org.musubi.phr.sheet;

import java.time.Instant;

/** One version of a person's emergency sheet: its resource id and version, when and by whom it was entered. */
public record SheetVersion(String id, int version, Instant at, EmergencySheet sheet, SheetEntry entry) {
}
