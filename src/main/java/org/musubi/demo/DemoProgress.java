package org.musubi.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Whether the demo's seeding at start (network, records, story) has finished, for whoever must wait for it. */
public final class DemoProgress {

    private final CountDownLatch done = new CountDownLatch(1);

    private volatile DemoResident.Seeded resident;
    private volatile Long protagonist;

    /** The notebook's resident the story registered, once it has. */
    public Optional<DemoResident.Seeded> resident() {
        return Optional.ofNullable(resident);
    }

    void resident(DemoResident.Seeded seeded) {
        resident = seeded;
    }

    /** The tours' patient (the person the story's own files were told of), once the story is told on this start. */
    public Optional<Long> protagonist() {
        return Optional.ofNullable(protagonist);
    }

    void protagonist(long personId) {
        protagonist = personId;
    }

    void done() {
        done.countDown();
    }

    /** Waits up to {@code timeout}; true when seeding finished (or there was nothing to seed). */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
