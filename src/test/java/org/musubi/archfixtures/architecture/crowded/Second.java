package org.musubi.archfixtures.architecture.crowded;

/** One of the crowded package's top-level classes. */
final class Second {
}
