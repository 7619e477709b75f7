package org.musubi.ingest.ssmix2.naming;

import java.util.List;

/** A problem found before its location is known: the problem code and the values its text names. */
public record Fault(String code, List<Object> args) {

    public Fault {
        args = List.copyOf(args);
    }

    static Fault of(String code, Object... args) {
        return new Fault(code, List.of(args));
    }
}
