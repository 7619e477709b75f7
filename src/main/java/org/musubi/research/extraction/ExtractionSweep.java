package org.musubi.research.extraction;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.musubi.research.ResearchDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the files of extractions that expired, and of every extraction of a project that ended (closed, expired or
 * past its period): downloads end with the project. What fails to delete is tried again at the next sweep.
 */
public final class ExtractionSweep {

    private static final Logger log = LoggerFactory.getLogger(ExtractionSweep.class);
    private final Extractions extractions;
    private final ExtractionFiles files;
    private final Clock clock;

    public ExtractionSweep(Extractions extractions, ExtractionFiles files, Clock clock) {
        this.extractions = extractions;
        this.files = files;
        this.clock = clock;
    }

    /** How many extractions' files were deleted. */
    public int sweep() {
        int deleted = 0;
        for (Extraction e : extractions.toSweep(clock.instant(), LocalDate.now(clock.withZone(ResearchDesk.ZONE)))) {
            try {
                files.delete(e);
                extractions.filesDeleted(e.id(), clock.instant());
                deleted++;
            } catch (IOException | RuntimeException ex) {
                log.warn("The files of research extraction {} could not be deleted yet: {}", e.id(),
                        ex.getClass().getName());
            }
        }
        if (deleted > 0) {
            log.info("Deleted the files of {} expired research extractions", deleted);
        }
        return deleted;
    }
}
