package org.musubi.archfixtures.dependencies.groundfloor.letters;

/** A feature's type: what a ground-floor tool must not know. */
public record Letter(String body) {
}
