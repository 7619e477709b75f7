package org.musubi.registry.jdbc;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Parameters for a "contains" search with LIKE wildcards escaped. */
final class Likes {

    private Likes() {
    }

    static MapSqlParameterSource params(String text) {
        String trimmed = trimToNull(text);
        String like = trimmed == null ? null
                : "%" + trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new MapSqlParameterSource().addValue("text", trimmed).addValue("like", like);
    }

    static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
