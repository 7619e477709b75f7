package org.musubi.record;

/**
 * A write that named the version it replaces ({@link ResourceWrite#ifMatch}, FHIR's {@code If-Match}) while the resource
 * was at another one (or did not exist: {@code current} 0): nothing was stored. FHIR answers 412, a page tells the person
 * someone else saved first.
 */
public final class VersionConflict extends RuntimeException {

    private final String type;
    private final String id;
    private final int expected;
    private final int current;

    public VersionConflict(String type, String id, int expected, int current) {
        super(type + "/" + id + " is at version " + current + ", not " + expected);
        this.type = type;
        this.id = id;
        this.expected = expected;
        this.current = current;
    }

    public String type() {
        return type;
    }

    public String id() {
        return id;
    }

    /** The version the writer saw. */
    public int expected() {
        return expected;
    }

    /** The version the resource is at (0: it does not exist). */
    public int current() {
        return current;
    }
}
