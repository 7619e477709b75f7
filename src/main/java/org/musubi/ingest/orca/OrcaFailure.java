package org.musubi.ingest.orca;

/**
 * What an ORCA server answered instead of data: an HTTP status other than 200, an {@code Api_Result} other than
 * success, an answer that is not xml2, or no answer at all. The message names the API and says what came back; it never
 * holds the password.
 */
public final class OrcaFailure extends RuntimeException {

    public OrcaFailure(String message) {
        super(message);
    }

    public OrcaFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
