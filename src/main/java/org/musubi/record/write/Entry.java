package org.musubi.record.write;

import java.util.List;
import java.util.function.Function;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.read.PersonRecord;

/**
 * A person's record being entered ({@code WriteRecords.enter}): read as {@link PersonRecord} (what the entry depends
 * on), and written through {@link #store}.
 */
public interface Entry extends PersonRecord {

    /**
     * Stores {@code writes} (all of one source facility: the source the author enters under, which decided nothing;
     * the interaction's view did) as the author's; when any of them changed what is stored, also the Provenance
     * {@code provenance} makes of their outcomes. Names every resource changed in the interaction's one audit row.
     * A resource of the same id stored under another facility, patient or type refuses the whole entry
     * ({@code NotOwner}).
     *
     * @return one outcome per write, in order, then the Provenance's when it was written
     */
    List<Written> store(List<ResourceWrite> writes, Function<List<Written>, ResourceWrite> provenance);
}
