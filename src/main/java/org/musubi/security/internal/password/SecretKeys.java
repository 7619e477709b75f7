package org.musubi.security.internal.password;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.musubi.security.SecretBox;
import org.musubi.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the at-rest encryption key: from the environment, else from the key file (made once). */
final class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    /**
     * The key as loaded: its box, where it came from as an operator names it ({@code MUSUBI_SECRET_KEY} or the key
     * file's absolute path), and whether that file was made just now because no key was given.
     */
    record Loaded(SecretBox box, String source, boolean madeNow) {
    }

    static SecretBox box(SecurityProperties properties) {
        return load(properties).box();
    }

    static Loaded load(SecurityProperties properties) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            return new Loaded(new SecretBox(decode(properties.secretKey().strip(), "MUSUBI_SECRET_KEY")),
                    "MUSUBI_SECRET_KEY", false);
        }
        Path file = properties.secretKeyFile();
        try {
            boolean made = !Files.exists(file);
            if (made) {
                create(file);
            }
            return new Loaded(new SecretBox(decode(Files.readString(file, StandardCharsets.US_ASCII).strip(),
                    file.toString())), file.toAbsolutePath().toString(), made);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        String key = Base64.getEncoder().encodeToString(SecretBox.newKey(new SecureRandom()));
        Path temporary = Files.createTempFile(absolute.getParent(), "secret", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict permissions of {} on this file system", absolute);
        }
        Files.writeString(temporary, key + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, absolute);
        log.warn("Created a new secret key in {}: back it up apart from the database; without it every user must "
                + "enrol their second factor again and every card's check code stops working (cards must be reissued)",
                absolute);
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret key in " + source + " is not base64 (expected 32 random bytes, "
                    + "e.g. from 'openssl rand -base64 32')", e);
        }
    }
}
