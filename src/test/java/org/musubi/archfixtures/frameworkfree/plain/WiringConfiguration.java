package org.musubi.archfixtures.frameworkfree.plain;

import org.springframework.util.unit.DataSize;

/**
 * A room's wiring, which may name framework types (not a Spring {@code @Configuration}: nothing scans it), and a type
 * nested in it.
 */
final class WiringConfiguration {

    long maxBytes(DataSize size) {
        return size.toBytes();
    }

    static final class Limits {

        long of(DataSize size) {
            return size.toBytes();
        }
    }
}
