package org.musubi.imaging.ai;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The registered AI services ({@code ai_service}). */
public interface AiServices {

    /** Every service, by name. */
    List<AiService> all();

    Optional<AiService> find(long id);

    /** Registers {@code draft} (its id ignored); empty when its name is taken. */
    Optional<AiService> create(AiService draft);

    /**
     * Changes a service's settings (its token too unless {@code changed.tokenSealed()} is null); false when its new
     * name is another's.
     */
    boolean update(AiService changed);

    /** Where the automatic scan of the study index resumes for the service. */
    void advance(long id, Instant lastSeenIndexedAt);
}
