package org.musubi.fhirapi.incoming;

import java.util.regex.Pattern;

/**
 * A parser's complaint about a request body, as the caller may read it: where and what, without the
 * Java class and method names HAPI, Jackson and Woodstox put in their messages.
 */
public final class ParserMessages {

    private static final Pattern XML_POSITION =
            Pattern.compile("DataFormatException at \\[\\[row,col \\{[^}]*}]: \\[(\\d+),(\\d+)]]: ");
    private static final Pattern CODE_REFERENCE = Pattern.compile(", from `[^`]*`");
    private static final Pattern INTERNAL = Pattern.compile(
            "\\w+(Exception|Error)\\b|\\b(java|javax|jakarta|com|org|ca|tools|sun)\\.[a-z]\\w*\\.|`|\\bat \\w+\\.\\w+");

    private ParserMessages() {
    }

    /** The message fit for an OperationOutcome, or a plain sentence when it still names code. */
    public static String readable(String message) {
        if (message == null) {
            return "the body could not be read";
        }
        String text = XML_POSITION.matcher(message).replaceAll("line $1, column $2: ");
        text = CODE_REFERENCE.matcher(text).replaceAll("");
        return namesCode(text) ? "the body could not be read" : text;
    }

    /** Whether the text names Java code: an exception class, a package, a method in backquotes. */
    static boolean namesCode(String text) {
        return INTERNAL.matcher(text).find();
    }
}
