package org.musubi.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** Where the database is and as whom to connect; stops the embedded server on close. */
record DatabaseEndpoint(String url, String ownerUser, String ownerPassword,
                        String appUser, String appPassword, EmbeddedPostgres embedded)
        implements AutoCloseable {

    /** Never the passwords. */
    @Override
    public String toString() {
        return "DatabaseEndpoint[url=" + url + ", ownerUser=" + ownerUser + ", appUser=" + appUser + "]";
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
