package org.musubi.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark's options: {@code --name=value} arguments win over {@code -Dmusubi.bench.name=value}
 * system properties, which win over the defaults. Every value is a whole number.
 */
final class BenchOptions {

    private final Map<String, Long> values;

    private BenchOptions(Map<String, Long> values) {
        this.values = values;
    }

    /** Parses {@code args} against the known options and their defaults; an unknown option is an error. */
    static BenchOptions parse(String[] args, Map<String, Long> defaults) {
        Map<String, Long> values = new LinkedHashMap<>(defaults);
        defaults.keySet().forEach(name -> {
            String property = System.getProperty("musubi.bench." + name);
            if (property != null) {
                values.put(name, number(name, property));
            }
        });
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + usage(defaults));
            }
            values.put(name, number(name, arg.substring(equals + 1)));
        }
        return new BenchOptions(values);
    }

    static String usage(Map<String, Long> defaults) {
        StringBuilder usage = new StringBuilder();
        defaults.forEach((name, value) -> usage.append("--").append(name).append('=').append(value).append(' '));
        return usage.toString().strip();
    }

    long get(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Math.toIntExact(values.get(name));
    }

    @Override
    public String toString() {
        return usage(values);
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text.replace("_", "").replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + text, e);
        }
    }
}
