package org.musubi.archfixtures.architecture;

import java.util.List;

/** A class that does too many things: six collaborators in its constructor. */
final class SixCollaborators {

    interface Port {
    }

    private final List<Port> ports;

    SixCollaborators(Port reads, Port writes, Port audit, Port facilities, Port persons, Port consents) {
        this.ports = List.of(reads, writes, audit, facilities, persons, consents);
    }

    int size() {
        return ports.size();
    }
}
