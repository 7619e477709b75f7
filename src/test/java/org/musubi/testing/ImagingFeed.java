package org.musubi.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.musubi.imaging.index.ChangeFeed;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;

/** Follows the archive's change feed, as the scheduled follower would, until a study reaches the index or a list. */
public final class ImagingFeed {

    private ImagingFeed() {
    }

    /** The study once the feed has indexed it (within a minute). */
    public static IndexedStudy awaitIndexed(ChangeFeed feed, StudyIndex index, String studyUid)
            throws InterruptedException {
        return await(feed, () -> index.find(studyUid), "study " + studyUid + " was not indexed in time");
    }

    /** What {@code found} finds once the feed has been followed (within a minute), else fails with {@code missing}. */
    public static <T> T await(ChangeFeed feed, Supplier<Optional<T>> found, String missing)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            feed.follow();
            Optional<T> now = found.get();
            if (now.isPresent()) {
                return now.get();
            }
            Thread.sleep(300);
        }
        throw new AssertionError(missing);
    }
}
