package org.musubi.archfixtures.dependencies.cycle.two;

import org.musubi.archfixtures.dependencies.cycle.one.StartsARun;

/** A run that keeps the starter's nested type: a dependency back on the file that starts it. */
public final class RunsForAStarter {

    private final StartsARun.Asker asker;

    public RunsForAStarter(StartsARun.Asker asker) {
        this.asker = asker;
    }

    public String askedBy() {
        return asker.name();
    }
}
