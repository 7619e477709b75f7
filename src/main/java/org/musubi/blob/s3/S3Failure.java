package org.musubi.blob.s3;

import java.io.IOException;

/** An answer from the object store that is not the expected one, with S3's error code when it gave one. */
final class S3Failure extends IOException {

    private final String code;

    S3Failure(String message, String code) {
        super(message);
        this.code = code;
    }

    /** S3's error code, e.g. {@code NoSuchBucket}; empty when the answer had none (HEAD answers never do). */
    String code() {
        return code;
    }
}
