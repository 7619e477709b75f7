package org.musubi.ingest;

/** How a batch was started. */
public enum BatchOrigin {
    COMMAND_LINE,
    WATCH,
    UPLOAD,
    SCREEN,
    DEMO
}
