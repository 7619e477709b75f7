package org.musubi.consult;

/**
 * A consultation that cannot be made or posted as asked: {@code key} is the message key of what to fix (shown above
 * the form). Never thrown for a refusal — a refusal answers like a thread that does not exist.
 */
public final class ConsultFault extends RuntimeException {

    public static final String NO_SUBJECT = "consult.fault.subject";
    public static final String NO_TEXT = "consult.fault.text";
    public static final String ADDRESSEE = "consult.fault.addressee";
    public static final String NOT_OUR_PATIENT = "consult.fault.notOurPatient";
    public static final String REFERENCE = "consult.fault.reference";
    public static final String MEETING_URL = "consult.fault.meetingUrl";
    public static final String CLOSED = "consult.fault.closed";
    public static final String TOO_LARGE = "consult.fault.tooLarge";
    public static final String STANDBY = "consult.fault.standby";

    private final String key;

    public ConsultFault(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
