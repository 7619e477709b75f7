package org.musubi.ingest.hl7;

/** A message's delimiters (MSH-1 and MSH-2) and HL7 escape sequences. */
record Hl7Encoding(char field, char component, char repetition, char escape, char subcomponent) {

    static final Hl7Encoding STANDARD = new Hl7Encoding('|', '^', '~', '\\', '&');

    /** From the start of a message ({@code MSH|^~\&|...}); the standard delimiters when it is too short. */
    static Hl7Encoding of(String message) {
        if (message.length() < 8 || !message.startsWith("MSH")) {
            return STANDARD;
        }
        return new Hl7Encoding(message.charAt(3), message.charAt(4), message.charAt(5), message.charAt(6), message.charAt(7));
    }

    /** Resolves {@code \F\ \S\ \T\ \R\ \E\} and drops formatting escapes ({@code \H\}, {@code \N\}, {@code \.br\} becomes a newline). */
    String unescape(String text) {
        if (text.indexOf(escape) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == escape ? text.indexOf(escape, i + 1) : -1;
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            out.append(replacement(text.substring(i + 1, end)));
            i = end + 1;
        }
        return out.toString();
    }

    private String replacement(String sequence) {
        return switch (sequence) {
            case "F" -> String.valueOf(field);
            case "S" -> String.valueOf(component);
            case "T" -> String.valueOf(subcomponent);
            case "R" -> String.valueOf(repetition);
            case "E" -> String.valueOf(escape);
            case ".br" -> "\n";
            default -> "";
        };
    }
}
