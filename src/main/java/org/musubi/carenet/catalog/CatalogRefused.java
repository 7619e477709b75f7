package org.musubi.carenet.catalog;

/**
 * A change to the template store that cannot be made, as a message key ({@code pathway.catalog.*}, Japanese and
 * English in the message bundles) and its argument: no such template or version, not a draft, a code taken …
 */
public final class CatalogRefused extends RuntimeException {

    public static final String NOT_FOUND = "pathway.catalog.notFound";
    public static final String NOT_DRAFT = "pathway.catalog.notDraft";
    public static final String NOT_PUBLISHED = "pathway.catalog.notPublished";
    public static final String CODE_TAKEN = "pathway.catalog.codeTaken";
    public static final String BAD_CODE = "pathway.catalog.badCode";
    public static final String BAD_VALUE = "pathway.catalog.badValue";
    public static final String DRAFT_EXISTS = "pathway.catalog.draftExists";

    private final String key;
    private final String argument;

    public CatalogRefused(String key, String argument) {
        super(key + " " + argument);
        this.key = key;
        this.argument = argument;
    }

    public String key() {
        return key;
    }

    public String argument() {
        return argument;
    }
}
