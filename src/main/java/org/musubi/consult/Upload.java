package org.musubi.consult;

import java.util.Objects;

/** A file attached to a message: its name, content type and bytes. */
public record Upload(String name, String contentType, byte[] bytes) {

    public Upload {
        Objects.requireNonNull(bytes, "bytes");
        name = name == null || name.isBlank() ? "file" : name.strip();
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }
}
