package org.musubi.archfixtures.architecture;

import java.util.List;
import java.util.stream.Stream;

/** At the limit: five collaborators, and values beside them (text, numbers, a list), which are no collaborators. */
final class FiveCollaboratorsAndValues {

    private final int count;

    FiveCollaboratorsAndValues(SixCollaborators.Port reads, SixCollaborators.Port writes, SixCollaborators.Port audit,
                               SixCollaborators.Port facilities, SixCollaborators.Port persons, String name, int limit,
                               List<String> codes) {
        this.count = Stream.of(reads, writes, audit, facilities, persons).toList().size() + limit
                + name.length() + codes.size();
    }

    int count() {
        return count;
    }
}
