package org.musubi.policy.matrix;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.policy.DataCategory;
import org.musubi.registry.Profession;

/** Reads {@link ProfessionMatrix} overrides from configuration properties. */
final class MatrixProperties {

    private MatrixProperties() {
    }

    static ProfessionMatrix parse(ProfessionMatrix base, Map<String, String> properties) {
        ProfessionMatrix matrix = base;
        Set<Profession> seen = new HashSet<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            Profession profession = profession(e.getKey());
            if (profession == Profession.RESIDENT) {
                throw new IllegalArgumentException("Profession matrix: RESIDENT (key '" + e.getKey()
                        + "') cannot be configured: a resident sees only their own record, through self access");
            }
            if (!seen.add(profession)) {
                throw new IllegalArgumentException(
                        "Profession matrix: " + profession + " is configured twice (key '" + e.getKey() + "')");
            }
            matrix = matrix.with(profession, categories(e.getKey(), e.getValue()));
        }
        return matrix;
    }

    private static Profession profession(String key) {
        try {
            return Profession.valueOf(normalise(key));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Profession matrix: unknown profession '" + key
                    + "'; expected one of " + Arrays.toString(Profession.values()), e);
        }
    }

    private static Set<DataCategory> categories(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Profession matrix: " + key
                    + " has no value; write NONE to let it see nothing");
        }
        if (normalise(value).equals("NONE")) {
            return Set.of();
        }
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String token : value.split(",", -1)) {
            categories.addAll(category(key, value, normalise(token)));
        }
        return categories;
    }

    private static Set<DataCategory> category(String key, String value, String token) {
        return switch (token) {
            case "ALL" -> EnumSet.complementOf(EnumSet.copyOf(DataCategory.FLAGS));
            case "EMERGENCY_MINIMUM" -> DataCategory.EMERGENCY_MINIMUM;
            default -> Set.of(single(key, value, token));
        };
    }

    private static DataCategory single(String key, String value, String token) {
        try {
            return DataCategory.valueOf(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Profession matrix: " + key + "='" + value + "' has "
                    + (token.isEmpty() ? "an empty entry" : "unknown data category '" + token + "'")
                    + "; expected NONE or a comma-separated list of ALL, EMERGENCY_MINIMUM, "
                    + Arrays.stream(DataCategory.values()).map(Enum::name).collect(Collectors.joining(", ")), e);
        }
    }

    private static String normalise(String text) {
        return text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
