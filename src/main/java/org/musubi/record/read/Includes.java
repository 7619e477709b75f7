package org.musubi.record.read;

import java.util.List;
import org.musubi.record.StoredResource;

/** Picks the resources a page of matches refers to ({@code _include}); the policy then judges each. */
@FunctionalInterface
public interface Includes {
    Includes NONE = found -> List.of();

    /** The references ({@code Type/id}, each once) to include; read and judged by {@code ReadRecords}. */
    List<String> referencedBy(List<StoredResource> found);
}
