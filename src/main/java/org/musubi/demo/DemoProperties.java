package org.musubi.demo;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode. On by default with the embedded database, off with an external one.
 *
 * @param enabled        demo mode: demo accounts may log in and the login page shows their code
 * @param seed           create the demo network when the registry is empty
 * @param seedValue      the generator's seed (the same seed always gives the same network)
 * @param password       the password of every demo account
 * @param importPersons  after seeding, write the facilities' source files (SS-MIX2, JAHIS) of this many
 *                       demo persons and import them, so the demo has records; 0 imports nothing
 * @param importMessages SS-MIX2 messages per imported person
 * @param importFolder   where those source files are written (kept, so they can be imported again)
 * @param zone           the demo's time zone: its records end on the day before today there
 */
@ConfigurationProperties("musubi.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("true") boolean seed,
        @DefaultValue("20260401") long seedValue,
        @DefaultValue("musubi-demo") String password,
        @DefaultValue("40") int importPersons,
        @DefaultValue("20") int importMessages,
        @DefaultValue("./data/demo-sources") Path importFolder,
        @DefaultValue("Asia/Tokyo") ZoneId zone) {
}
