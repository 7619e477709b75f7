package org.musubi.registry;

import java.io.Serializable;
import java.util.List;

/**
 * A fault in one field of submitted data, as a message-bundle key and its arguments. Serializable: a page's faults are
 * kept in the browser session (a flash attribute) across a redirect, and sessions are Java-serialised (issue 41).
 */
public record FieldFault(String field, String messageKey, List<Object> args) implements Serializable {

    public FieldFault {
        args = List.copyOf(args);
    }

    public static FieldFault of(String field, String messageKey, Object... args) {
        return new FieldFault(field, messageKey, List.of(args));
    }
}
