package org.musubi.ingest.ssmix2;

import java.util.List;

/** A problem found before its location is known: the problem code and the values its text names. */
record Fault(String code, List<Object> args) {

    Fault {
        args = List.copyOf(args);
    }

    static Fault of(String code, Object... args) {
        return new Fault(code, List.of(args));
    }
}
