package org.musubi.phr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Residents' questions to the network office about views in their access log, and the answers. */
public interface Inquiries {

    /** One question; {@code answeredAt} and {@code answer} are {@code null} while it is open. */
    record Inquiry(long id, long personId, long auditSeq, String message, Instant askedAt, Instant answeredAt,
                   String answer) {

        public boolean open() {
            return answeredAt == null;
        }
    }

    long add(long personId, long auditSeq, String message, long askedBy);

    /** The questions not yet answered, oldest first. */
    List<Inquiry> open(int limit);

    /** The person's questions, newest first. */
    List<Inquiry> of(long personId);

    Optional<Inquiry> find(long id);

    /** Records the answer once; false when the question was answered already or does not exist. */
    boolean answer(long id, long userId, String answer);
}
