package org.musubi.secretariat.application;

import java.io.IOException;
import java.io.InputStream;

/** A file as it arrived with a form: its name as the applicant's computer called it, its size and its content. */
public record Upload(String fileName, long size, Content content) {

    /** Opens the content afresh (a multipart part, a test's bytes). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
