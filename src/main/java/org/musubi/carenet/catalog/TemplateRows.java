package org.musubi.carenet.catalog;

import java.util.List;
import java.util.Optional;

/** The stored template versions (table {@code pathway_template}, V55). */
public interface TemplateRows {

    /** Whether no version is stored at all (not yet seeded). */
    boolean isEmpty();

    /** Every version, by code then newest first. */
    List<TemplateRow> all();

    /** The versions of one template, newest first. */
    List<TemplateRow> of(String code);

    Optional<TemplateRow> find(String code, int version);

    /** The newest published version of each code, by code. */
    List<TemplateRow> currentPublished();

    /** A new version; false when the code and version, or a draft of the code, exist already. */
    boolean insert(String code, int version, TemplateStatus status, String body, Long userId);

    /**
     * The shipped templates as version 1 of their codes, published, where that version is not stored yet; safe when
     * nodes start together. Returns how many were stored.
     */
    int seed(java.util.List<String> codes, java.util.function.Function<String, String> body);

    /** A draft's new JSON; false when the version is not a draft (anymore). */
    boolean updateDraft(String code, int version, String body);

    /** A draft published; false when it is not a draft (anymore). */
    boolean publish(String code, int version, long userId);

    /** A published version retired; false when it is not published. */
    boolean retire(String code, int version, long userId);
}
