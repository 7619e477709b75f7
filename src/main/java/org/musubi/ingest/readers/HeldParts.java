package org.musubi.ingest.readers;

import java.util.List;

/** Parts of split source data (JAHIS record 911) kept until every part has come. */
public interface HeldParts {

    /** A held part. */
    record Part(int count, int number, byte[] content) {
    }

    /** Keeps a part (the same part again replaces it); returns every part held for the data now, by number. */
    List<Part> hold(String institutionCode, String dataId, int count, int number, byte[] content);

    /** The parts held for the data, by number. */
    List<Part> parts(String institutionCode, String dataId);

    /** Forgets the parts of the data (after they were read joined). */
    void release(String institutionCode, String dataId);
}
