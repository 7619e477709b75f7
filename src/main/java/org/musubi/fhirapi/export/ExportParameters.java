package org.musubi.fhirapi.export;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.musubi.record.fhir.ResourceKind;

/**
 * What a kick-off asks: {@code _type} (comma-separated or repeated; types Musubi stores), {@code _since} (an instant
 * with its offset), {@code _outputFormat} (NDJSON only: {@code application/fhir+ndjson}, {@code application/ndjson},
 * {@code ndjson}), and the {@code Prefer: respond-async} header the async pattern requires. Anything else of the Bulk
 * Data kick-off ({@code _typeFilter}, {@code _elements}, {@code patient}, {@code includeAssociatedData}) is refused
 * rather than ignored, so that no client takes a wider export for the narrower one it asked.
 *
 * @param types null: every type the token's scopes allow
 */
record ExportParameters(Set<String> types, Instant since) {

    static final Set<String> FORMATS = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");
    private static final Set<String> UNSUPPORTED = Set.of("_typeFilter", "_elements", "patient",
            "includeAssociatedData");

    static ExportParameters of(Map<String, String[]> parameters, String prefer) {
        if (prefer == null || Arrays.stream(prefer.split(",")).map(String::strip)
                .noneMatch(p -> p.equalsIgnoreCase("respond-async"))) {
            throw new InvalidRequestException("Prefer: respond-async ヘッダーが必要です（非同期で応答します）"
                    + " / The header Prefer: respond-async is required (bulk export answers asynchronously)");
        }
        for (String name : UNSUPPORTED) {
            if (parameters.containsKey(name)) {
                throw new InvalidRequestException(name + " には対応していません / " + name + " is not supported");
            }
        }
        String format = one(parameters, "_outputFormat");
        if (format != null && !FORMATS.contains(format.strip().replace(' ', '+').toLowerCase(Locale.ROOT))) {
            throw new InvalidRequestException("_outputFormat は " + FORMATS.stream().sorted().toList()
                    + " のいずれかです / _outputFormat must be one of " + FORMATS.stream().sorted().toList());
        }
        return new ExportParameters(types(parameters.get("_type")), since(one(parameters, "_since")));
    }

    /** The types a scope must allow besides Patient: each one asked. */
    List<String> typesNeeded() {
        return types == null ? List.of() : List.copyOf(types);
    }

    private static Set<String> types(String[] values) {
        if (values == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String value : values) {
            for (String type : value.split(",")) {
                String name = type.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (ResourceKind.of(name).isEmpty() || !ResourceKind.of(name).get().patientData()) {
                    throw new InvalidRequestException("_type の " + name + " は患者の記録に保存される種類ではありません / "
                            + name + " in _type is no type of a patient's record");
                }
                types.add(name);
            }
        }
        if (types.isEmpty()) {
            throw new InvalidRequestException("_type が空です / _type is empty");
        }
        return types;
    }

    private static Instant since(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("_since は時差付きの日時です（例: 2026-01-01T00:00:00+09:00） / _since must"
                    + " be an instant with its offset (e.g. 2026-01-01T00:00:00+09:00)");
        }
    }

    private static String one(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidRequestException(name + " は一つだけ指定してください / Give " + name + " once");
        }
        return values[0];
    }
}
