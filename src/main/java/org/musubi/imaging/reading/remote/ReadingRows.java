package org.musubi.imaging.reading.remote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.imaging.reading.ReadingStatus;

/** The remote readings' rows: the reading centres and the requests ({@code reading_service}, {@code reading_request}). */
public interface ReadingRows {

    /** The facilities that read studies of {@code modality}, in id order. */
    List<Long> centresFor(String modality);

    /** Whether the facility is a reading centre (reads any kind). */
    boolean isCentre(long facilityId);

    /** Stores a new request (its id is ignored) and answers it with its id. */
    ReadingRequest insert(ReadingRequest request);

    Optional<ReadingRequest> find(long id);

    /**
     * Stores {@code next} if the request is still in state {@code expected} (a step taken by someone else meanwhile
     * changes nothing); whether it was stored. The time of the step's own column is set from {@code next}.
     */
    boolean step(ReadingRequest next, ReadingStatus expected, Instant at);

    /** A centre's requests in these states, due first, at most {@code limit}. */
    List<ReadingRequest> ofCentre(long centreFacility, List<ReadingStatus> statuses, int limit);

    /** A requesting facility's requests, newest first, at most {@code limit}. */
    List<ReadingRequest> ofRequester(long requesterFacility, int limit);

    /** The requests of a study addressed to a centre in these states. */
    List<ReadingRequest> ofStudy(String studyUid, long centreFacility, List<ReadingStatus> statuses);

    /** How many of a requesting facility's requests wait in state REPORTED for {@code user} (the requester). */
    int reportedFor(long requesterFacility, long user);

    /** How many of a centre's requests are open, and how many of them are past due at {@code now}. */
    int[] openAt(long centreFacility, Instant now);
}
