package org.musubi.deid;

/** A de-identification configuration that cannot be used; the message names the rule and its path (issue 48, deid). */
public class DeidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeidConfigException(String message) {
        super(message);
    }
}
