package org.musubi.imaging.reading.remote;

/** A request or a report to fix, said on the page by its message key {@code imaging.reading.fault.KEY}. */
public final class ReadingFault extends RuntimeException {

    /** The study's patient is not linked to a regional person. */
    public static final String NOT_LINKED = "notLinked";
    /** The requester's facility holds no patient of the person. */
    public static final String NOT_OUR_PATIENT = "notOurPatient";
    /** The centre does not read this kind of study (or is the requester's own facility). */
    public static final String CENTRE = "centre";
    /** No clinical question. */
    public static final String QUESTION = "question";
    /** A due date in the past. */
    public static final String DUE = "due";
    /** No impression (conclusion) in the report. */
    public static final String IMPRESSION = "impression";
    /** No reason for a decline. */
    public static final String REASON = "reason";
    /** A question, reason, finding or impression longer than the limit: refused, never cut. */
    public static final String TOO_LONG = "tooLong";
    /** A read-only standby takes no step. */
    public static final String STANDBY = "standby";

    private final String key;

    public ReadingFault(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
