package org.musubi.archfixtures.dependencies.cycle.one;

import org.musubi.archfixtures.dependencies.cycle.two.RunsForAStarter;

/** Starts a run of the other package, which names this class back: the file cycle RunImport and BatchRun once had. */
public final class StartsARun {

    /** Who asked for the run, read by the run. */
    public record Asker(String name) {
    }

    public RunsForAStarter start(String name) {
        return new RunsForAStarter(new Asker(name));
    }
}
