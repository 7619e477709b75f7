package org.musubi.imaging.reading.programme;

/** A submission, reading or programme to fix, named by its message key ({@code imaging.programme.fault.*}). */
public final class ProgrammeFault extends RuntimeException {

    public static final String NAME = "imaging.programme.fault.name";
    public static final String READERS = "imaging.programme.fault.readers";
    public static final String CHIEF = "imaging.programme.fault.chief";
    public static final String NOT_LINKED = "imaging.programme.fault.notLinked";
    public static final String NOT_OUR_PATIENT = "imaging.programme.fault.notOurPatient";
    public static final String PROGRAMME = "imaging.programme.fault.programme";
    public static final String ALREADY = "imaging.programme.fault.already";
    public static final String CATEGORY = "imaging.programme.fault.category";
    public static final String TOO_LONG = "imaging.programme.fault.tooLong";
    public static final String STANDBY = "imaging.programme.fault.standby";

    private final String key;

    public ProgrammeFault(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
