package org.musubi.record.write;

import java.util.List;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;

/**
 * What the party a disclosure was made to read ({@code read}: the rows named, in order, as
 * {@code ReadRecords.readDisclosed} shows them) and what its answer stored ({@code written}, empty when nothing), as
 * {@code WriteRecords.answerDisclosed} hands it back.
 */
public record Answered(List<StoredResource> read, List<Written> written) {
}
