package org.musubi.carenet.catalog;

import java.time.Instant;

/**
 * One stored version of a template: its JSON as stored ({@code body}, Musubi's template wrapper with the version
 * written in it), its status and who made and published it ({@code createdBy} {@code null}: shipped with Musubi).
 */
public record TemplateRow(String code, int version, TemplateStatus status, String body, Long createdBy,
                          Instant createdAt, Long publishedBy, Instant publishedAt) {

    /** What the screens and the audit call it: {@code stroke/2}. */
    public String name() {
        return code + "/" + version;
    }
}
