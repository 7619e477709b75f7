package org.musubi.imaging.reading;

/**
 * Who may take which step of a reading work item: the requester (the requesting facility's doctor) or a reader (a
 * doctor of the reading centre). Each step is audited once by the door that takes it.
 */
public enum ReadingStep {
    CLAIM(ReadingStatus.CLAIMED, Side.CENTRE),
    RELEASE(ReadingStatus.REQUESTED, Side.CENTRE),
    REPORT(ReadingStatus.REPORTED, Side.CENTRE),
    DECLINE(ReadingStatus.DECLINED, Side.CENTRE),
    CANCEL(ReadingStatus.CANCELLED, Side.REQUESTER),
    ACKNOWLEDGE(ReadingStatus.RETURNED, Side.REQUESTER);

    /** The side of a work item a caller stands on. */
    public enum Side { REQUESTER, CENTRE }

    private final ReadingStatus target;
    private final Side side;

    ReadingStep(ReadingStatus target, Side side) {
        this.target = target;
        this.side = side;
    }

    public ReadingStatus target() {
        return target;
    }

    public Side side() {
        return side;
    }
}
