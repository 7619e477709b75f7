package org.musubi.archfixtures.architecture;

/** At the limit: five collaborators, and values beside them (text, numbers, a list), which are no collaborators. */
final class FiveCollaboratorsAndValues {

    private final int count;

    FiveCollaboratorsAndValues(SixCollaborators.Port reads, SixCollaborators.Port writes, SixCollaborators.Port audit,
                               SixCollaborators.Port facilities, SixCollaborators.Port persons, String name, int limit,
                               java.util.List<String> codes) {
        this.count = java.util.stream.Stream.of(reads, writes, audit, facilities, persons).toList().size() + limit
                + name.length() + codes.size();
    }

    int count() {
        return count;
    }
}
