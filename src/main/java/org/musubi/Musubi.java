package org.musubi;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Musubi (結び): a regional health information network server. One jar, several commands:
 * {@code serve} (the default), {@code synth}, {@code audit verify}; see {@link Commands}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Musubi {

    public static void main(String[] args) {
        int exitCode = Commands.run(args);
        if (exitCode != Commands.SERVING) {
            System.exit(exitCode);
        }
    }
}
