package org.musubi.scan;

/** What happens to an upload larger than the scanner scans ({@code musubi.box.scan.too-large}). */
public enum TooLargePolicy {
    /** The upload is refused before it is stored, with a message saying the limit. */
    REFUSE,
    /** The file is kept, marked "not scanned", and cannot be downloaded by its recipients. */
    HOLD
}
