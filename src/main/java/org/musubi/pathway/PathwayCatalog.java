package org.musubi.pathway;

import java.util.List;
import java.util.Optional;

/**
 * The pathway templates a network offers: per template code the version new enrolments use ({@link #current}), and
 * every version an enrolment may have been made under ({@link #version}: an enrolment keeps the version it was made
 * with, so an operator's edit applies to new enrolments only). {@link #shipped()} serves the four shipped templates
 * as their only versions; the operators' versioned store replaces it in the application.
 */
public interface PathwayCatalog {

    /** The current version of every template offered, in a stable order. */
    List<PathwayTemplate> current();

    /** The current version of the template of this code. */
    default Optional<PathwayTemplate> current(String code) {
        return current().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The template of this code at this version (the current one or an earlier one). */
    Optional<PathwayTemplate> version(String code, String version);

    /** The shipped templates, read once. */
    static PathwayCatalog shipped() {
        List<PathwayTemplate> shipped = PathwayTemplates.shipped();
        return new PathwayCatalog() {
            @Override
            public List<PathwayTemplate> current() {
                return shipped;
            }

            @Override
            public Optional<PathwayTemplate> version(String code, String version) {
                return shipped.stream().filter(t -> t.code().equals(code) && t.version().equals(version)).findFirst();
            }
        };
    }
}
