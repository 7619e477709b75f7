package org.musubi.registry;

import java.util.List;

/** A fault in one field of submitted data, as a message-bundle key and its arguments. */
public record FieldFault(String field, String messageKey, List<Object> args) {

    public FieldFault {
        args = List.copyOf(args);
    }

    public static FieldFault of(String field, String messageKey, Object... args) {
        return new FieldFault(field, messageKey, List.of(args));
    }
}
