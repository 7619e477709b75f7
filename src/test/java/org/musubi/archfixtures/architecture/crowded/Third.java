package org.musubi.archfixtures.architecture.crowded;

/** One of the crowded package's top-level classes, with a nested class that is no file of its own. */
final class Third {

    static final class Nested {
    }
}
