package org.musubi.imaging.reading;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading work item: a study (by StudyInstanceUID, found in the study index), the requesting facility and doctor,
 * the reading centre, the reader who claimed it, and its state. Immutable: {@link #step} answers the item after a step
 * or refuses it.
 *
 * @param id            the work item's id
 * @param studyUid      the study to read
 * @param requesterFacility the requesting facility
 * @param requesterUser the requesting doctor
 * @param centreFacility the reading centre
 * @param reader        the reader who claimed the item, when claimed
 * @param status        the state
 * @param due           when the requester wants the reading by, if said
 * @param reportId      the DiagnosticReport entered for it, once reported
 */
public record ReadingItem(long id, String studyUid, long requesterFacility, long requesterUser, long centreFacility,
        Long reader, ReadingStatus status, Instant due, String reportId) {

    public ReadingItem {
        Objects.requireNonNull(studyUid);
        Objects.requireNonNull(status);
        if (requesterFacility == centreFacility) {
            throw new IllegalArgumentException("a facility does not request a reading from itself");
        }
    }

    public static ReadingItem requested(long id, String studyUid, long requesterFacility, long requesterUser,
            long centreFacility, Instant due) {
        return new ReadingItem(id, studyUid, requesterFacility, requesterUser, centreFacility, null,
                ReadingStatus.REQUESTED, due, null);
    }

    /** The side a caller of this facility stands on, if any: none for every other facility. */
    public Optional<ReadingStep.Side> sideOf(long facility) {
        if (facility == requesterFacility) {
            return Optional.of(ReadingStep.Side.REQUESTER);
        }
        if (facility == centreFacility) {
            return Optional.of(ReadingStep.Side.CENTRE);
        }
        return Optional.empty();
    }

    /**
     * The item after {@code step} taken by {@code user} of {@code facility}, or a refusal. A claimed item is reported
     * or released only by its own reader; a report needs the id of the report entered.
     */
    public ReadingItem step(ReadingStep step, long facility, long user, String report) {
        if (sideOf(facility).filter(side -> side == step.side()).isEmpty()) {
            throw new StepRefused("not this facility's step");
        }
        if (!status.mayStepTo(step.target())) {
            throw new StepRefused("no step " + step + " from " + status);
        }
        if ((step == ReadingStep.REPORT || step == ReadingStep.RELEASE) && !Objects.equals(reader, user)) {
            throw new StepRefused("claimed by another reader");
        }
        if (step == ReadingStep.REPORT && (report == null || report.isBlank())) {
            throw new StepRefused("a report is needed");
        }
        Long newReader = switch (step) {
            case CLAIM -> user;
            case RELEASE -> null;
            default -> reader;
        };
        String newReport = step == ReadingStep.REPORT ? report : reportId;
        return new ReadingItem(id, studyUid, requesterFacility, requesterUser, centreFacility, newReader, step.target(),
                due, newReport);
    }

    /** A step the item's state or the caller does not allow; the door answers it like an item that does not exist. */
    public static final class StepRefused extends RuntimeException {
        public StepRefused(String message) {
            super(message);
        }
    }
}
