package org.musubi.ingest.orca;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an ORCA server answered instead of data: an HTTP status other than 200, an {@code Api_Result} other than
 * success, an answer that is not xml2, or no answer at all. The message names the API and says what came back; it never
 * holds the password.
 */
public final class OrcaFailure extends RuntimeException {

    /** What the facility is told when ORCA could not be reached, whatever the reason. */
    public static final String UNREACHABLE = "ORCAに接続できませんでした（ORCAのURL、ユーザー、パスワードを確認してください）"
            + " / Could not connect to ORCA (check ORCA's URL, user and password)";
    private static final Logger log = LoggerFactory.getLogger(OrcaFailure.class);

    /**
     * ORCA could not be reached: no answer (a closed port, a port that does not speak HTTP, an address the operator
     * does not allow), an HTTP status other than 200, or an answer that is not ORCA's. The facility is told only
     * {@link #UNREACHABLE}, the same for all of them, so that a connector's address cannot be used to tell which ports
     * of a host are open (issue 66); the operator's log keeps {@code detail} (the API, the status or the exception;
     * never a password nor patient data).
     */
    static OrcaFailure unreachable(String detail, Throwable cause) {
        log.warn("ORCA could not be reached: {}", detail);
        return new OrcaFailure(UNREACHABLE, cause);
    }

    public OrcaFailure(String message) {
        super(message);
    }

    public OrcaFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
