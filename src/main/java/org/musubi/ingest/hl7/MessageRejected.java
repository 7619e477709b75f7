package org.musubi.ingest.hl7;

import org.musubi.ingest.adapter.Problem;

/** A message that cannot be mapped: the problem says where and why. */
public final class MessageRejected extends Exception {

    private final transient Problem problem;

    public MessageRejected(Problem problem) {
        super(problem.english());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
