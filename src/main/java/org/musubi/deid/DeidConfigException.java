package org.musubi.deid;

import java.util.List;

/**
 * A de-identification configuration that cannot be used; the message names the rule and its path (issue 48, deid), in
 * English for logs and the command line. {@link #fault()} and {@link #arguments()} say the same for a page to put in
 * words: the fault's name (a message key's last part, {@code research.deid.fault.<fault>}) and its values (the rule's
 * number, the path, the value at fault; a JSON syntax error's line and column).
 */
public class DeidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String fault;
    private final transient List<Object> arguments;

    public DeidConfigException(String message) {
        this(message, "other");
    }

    public DeidConfigException(String message, String fault, Object... arguments) {
        super(message);
        this.fault = fault;
        this.arguments = List.of(arguments);
    }

    /** What kind of fault: notJson, notObject, dateShiftRange, kAnonymity, noRules, pathOrType, method, type, … */
    public String fault() {
        return fault;
    }

    /** The fault's values, in the order its message names them. */
    public Object[] arguments() {
        return arguments.toArray();
    }
}
