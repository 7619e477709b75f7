package org.musubi.fhirapi.response;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level members of a JSON object as ranges of its text, found by one scan without building
 * a tree. Used to stamp stored resources with their id and version as they are written out (a search
 * page of 1,000 resources would otherwise parse every one of them). The text must be valid JSON, as
 * stored documents are: written by Musubi's FHIR encoder, or, for documents stored before migration
 * V17, as PostgreSQL's {@code jsonb} printed them.
 */
final class JsonMembers {

    /** One member: its key, and where the member ({@code "key": value}) and its value lie in the text. */
    record Member(String key, int start, int valueStart, int end) {
    }

    private JsonMembers() {
    }

    static List<Member> of(String json) {
        List<Member> members = new ArrayList<>();
        int i = skip(json, 0);
        if (i >= json.length() || json.charAt(i) != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        i = skip(json, i + 1);
        while (i < json.length() && json.charAt(i) != '}') {
            int start = i;
            int keyEnd = stringEnd(json, i);
            String key = json.substring(i + 1, keyEnd - 1);
            i = skip(json, keyEnd);
            if (json.charAt(i) != ':') {
                throw new IllegalArgumentException("expected ':' at " + i);
            }
            int valueStart = skip(json, i + 1);
            int end = valueEnd(json, valueStart);
            members.add(new Member(key, start, valueStart, end));
            i = skip(json, end);
            if (i < json.length() && json.charAt(i) == ',') {
                i = skip(json, i + 1);
            }
        }
        return members;
    }

    /**
     * The resource as a read returns it: {@code resourceType} and {@code id} first, then {@code meta}
     * with the stored meta's members and the version's {@code versionId} and {@code lastUpdated},
     * then every other member of the stored text as it is.
     *
     * <p>Text as Musubi's encoder (and HAPI's) writes it, compact and with {@code resourceType}, {@code id} and
     * {@code meta} as its first members, is stamped by reading only those members and copying the rest
     * ({@link #stampedCompact}); any other text (jsonb's printed form of documents stored before V17) by
     * finding every member ({@link #stampedByMembers}). Both give the same text.
     */
    static String stamped(String json, String type, String id, String versionId, String lastUpdated) {
        String compact = stampedCompact(json, type, id, versionId, lastUpdated);
        return compact != null ? compact : stampedByMembers(json, type, id, versionId, lastUpdated);
    }

    private static final String RESOURCE_TYPE = "{\"resourceType\":\"";
    private static final String ID = ",\"id\":";
    private static final String META = ",\"meta\":{";

    /**
     * The stamped text when {@code json} opens with {@code {"resourceType":"<type>"}, then optionally {@code ,"id":}
     * and a string, then optionally {@code ,"meta":} and an object, with no white space; otherwise null. Everything
     * after those members is copied as one range, so the cost is a copy, not a scan, of the resource.
     */
    static String stampedCompact(String json, String type, String id, String versionId, String lastUpdated) {
        if (!json.startsWith(RESOURCE_TYPE) || !json.startsWith(type, RESOURCE_TYPE.length())) {
            return null;
        }
        int at = RESOURCE_TYPE.length() + type.length();
        if (at >= json.length() || json.charAt(at) != '"') {
            return null;
        }
        at++;
        if (json.startsWith(ID, at)) {
            int value = at + ID.length();
            if (value >= json.length() || json.charAt(value) != '"') {
                return null;
            }
            at = stringEnd(json, value);
        }
        int metaStart = -1;
        int metaEnd = -1;
        if (json.startsWith(META, at)) {
            metaStart = at + META.length() - 1;
            metaEnd = valueEnd(json, metaStart);
            at = metaEnd;
        }
        if (at >= json.length() || json.charAt(at) != ',' && json.charAt(at) != '}') {
            return null;
        }
        StringBuilder out = head(json.length(), type, id, metaStart < 0 ? null : json.substring(metaStart, metaEnd),
                versionId, lastUpdated);
        return out.append(json, at, json.length()).toString();
    }

    /** {@link #stamped} by finding every top-level member of any JSON object text. */
    static String stampedByMembers(String json, String type, String id, String versionId, String lastUpdated) {
        List<Member> members = of(json);
        String meta = members.stream().filter(m -> m.key().equals("meta") && json.charAt(m.valueStart()) == '{')
                .map(m -> json.substring(m.valueStart(), m.end())).findFirst().orElse(null);
        StringBuilder out = head(json.length(), type, id, meta, versionId, lastUpdated);
        for (Member m : members) {
            if (!m.key().equals("resourceType") && !m.key().equals("id") && !m.key().equals("meta")) {
                out.append(',').append(json, m.start(), m.end());
            }
        }
        return out.append('}').toString();
    }

    /**
     * {@code resourceType}, {@code id} and {@code meta}: the stored meta's members ({@code meta} its object text, or
     * null) but its version's, then the version's {@code versionId} and {@code lastUpdated}.
     */
    private static StringBuilder head(int length, String type, String id, String meta, String versionId,
                                      String lastUpdated) {
        StringBuilder out = new StringBuilder(length + 160);
        out.append(RESOURCE_TYPE).append(type).append("\",\"id\":\"").append(id).append("\",\"meta\":{");
        if (meta != null) {
            for (Member inner : of(meta)) {
                if (!inner.key().equals("versionId") && !inner.key().equals("lastUpdated")) {
                    out.append(meta, inner.start(), inner.end()).append(',');
                }
            }
        }
        return out.append("\"versionId\":\"").append(versionId).append("\",\"lastUpdated\":\"").append(lastUpdated)
                .append("\"}");
    }

    private static int skip(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index just after the string starting with the quote at {@code i}. */
    private static int stringEnd(String json, int i) {
        if (json.charAt(i) != '"') {
            throw new IllegalArgumentException("expected '\"' at " + i);
        }
        for (int j = i + 1; j < json.length(); j++) {
            char c = json.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
        throw new IllegalArgumentException("unterminated string at " + i);
    }

    /** The index just after the value starting at {@code i}. */
    private static int valueEnd(String json, int i) {
        char c = json.charAt(i);
        if (c == '"') {
            return stringEnd(json, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int j = i; j < json.length(); j++) {
                char d = json.charAt(j);
                if (d == '"') {
                    j = stringEnd(json, j) - 1;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if ((d == '}' || d == ']') && --depth == 0) {
                    return j + 1;
                }
            }
            throw new IllegalArgumentException("unterminated value at " + i);
        }
        int j = i;
        while (j < json.length() && ",}] \t\r\n".indexOf(json.charAt(j)) < 0) {
            j++;
        }
        return j;
    }
}
