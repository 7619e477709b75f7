package org.musubi.imaging.index;

import java.util.List;
import java.util.Optional;

/** The indexer's tables (V69): its place in Orthanc's change feed, the waiting studies, the sending AE titles. */
public interface IndexState {

    /** The last change of the feed of the archive at {@code archive} (its URL) whose study is indexed or waiting. */
    long cursor(String archive);

    /** Moves that archive's cursor on to {@code change} (never back). */
    void moveCursor(String archive, long change);

    /** The facility the operators said AE title {@code aet} belongs to. */
    Optional<Long> senderFacility(String aet);

    /** Every AE title the operators entered, by title. */
    List<Sender> senders();

    void putSender(String aet, long facilityId, long by);

    boolean removeSender(String aet);

    /** Puts (or refreshes) a study on the waiting list. */
    void waiting(Waiting study);

    /** Takes a study off the waiting list (it is indexed now). */
    void indexed(String studyUid);

    /** The waiting studies, longest waiting first, at most {@code limit}. */
    List<Waiting> waiting(int limit);

    Optional<Waiting> waitingStudy(String studyUid);

    /** Holds a lock on the study's UID until the current transaction ends (one indexer of a study at a time). */
    void lockStudy(String studyUid);

    /** The indexer's own user (made on first use: disabled, no password, no membership), who writes the ImagingStudy resources of studies sent to the archive. */
    long indexerUserId();

    /** An AE title and its facility. */
    record Sender(String aet, long facilityId) {
    }
}
