package org.musubi.secretariat.helpdesk;

import java.util.Optional;

/** What a staff question (or an FAQ entry) is about; each shown through the label {@code helpdesk.category.<NAME>}. */
public enum HelpCategory {
    LOGIN, LINKING, IMPORTS, LETTERS_BOX, OTHER;

    /** The category a form names, or empty for anything else. */
    public static Optional<HelpCategory> of(String name) {
        for (HelpCategory category : values()) {
            if (category.name().equals(name)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
