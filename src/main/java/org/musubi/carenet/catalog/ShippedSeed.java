package org.musubi.carenet.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.musubi.database.Standby;
import org.musubi.pathway.PathwayTemplates;

/**
 * Stores the shipped templates ({@link PathwayTemplates#SHIPPED}) as the first published version of their codes where
 * that version is absent: at start and when a standby is promoted; idempotent and safe on two nodes starting at once
 * (the insert does nothing on a conflict). A read-only standby writes nothing (the catalog reads what the primary
 * stored, else the shipped templates from memory).
 */
public final class ShippedSeed {

    private final TemplateRows rows;
    private final Standby standby;

    public ShippedSeed(TemplateRows rows, Standby standby) {
        this.rows = rows;
        this.standby = standby;
    }

    /** Seeds what is absent; how many versions were stored (0 on a read-only standby). */
    public int seed() {
        if (standby.readOnly()) {
            return 0;
        }
        return rows.seed(PathwayTemplates.SHIPPED, ShippedSeed::json);
    }

    /** A shipped template's JSON as shipped. */
    public static String json(String code) {
        PathwayTemplates.shipped(code);
        try (InputStream in = ShippedSeed.class.getResourceAsStream("/pathways/" + code + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
