package org.musubi.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's backup key: a passphrase of at least {@value #MIN_LENGTH} characters, from a key file or
 * {@code MUSUBI_BACKUP_KEY}, never from the command line (where other users of the machine could see it).
 * Each archive turns it into keys of its own with PBKDF2-HMAC-SHA256 over a random salt.
 */
public final class BackupKey {

    public static final String ENVIRONMENT = "MUSUBI_BACKUP_KEY";
    static final int MIN_LENGTH = 16;
    private final char[] passphrase;

    private BackupKey(char[] passphrase) {
        this.passphrase = passphrase;
    }

    public static BackupKey of(String passphrase) throws BackupRefused {
        if (passphrase == null || passphrase.strip().length() < MIN_LENGTH) {
            throw new BackupRefused("backup.key.short", MIN_LENGTH);
        }
        return new BackupKey(passphrase.strip().toCharArray());
    }

    /** The key file's text (its first line, without surrounding blanks). */
    public static BackupKey fromFile(Path file) throws BackupRefused {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            return of(text);
        } catch (IOException e) {
            throw new BackupRefused("backup.key.unreadable", file);
        }
    }

    /** The keys of one archive: for encryption, and a check value that tells a wrong key from damage. */
    Derived derive(byte[] salt, int iterations) {
        try {
            SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] master = pbkdf2.generateSecret(new PBEKeySpec(passphrase, salt, iterations, 256)).getEncoded();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            byte[] encryption = mac.doFinal("musubi-backup/1 encryption".getBytes(StandardCharsets.US_ASCII));
            byte[] check = Arrays.copyOf(mac.doFinal("musubi-backup/1 key check".getBytes(StandardCharsets.US_ASCII)), 16);
            Arrays.fill(master, (byte) 0);
            return new Derived(new SecretKeySpec(encryption, "AES"), check);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 or HMAC-SHA256 missing from the JDK", e);
        }
    }

    record Derived(SecretKeySpec encryption, byte[] check) {
    }

    @Override
    public String toString() {
        return "BackupKey[(hidden)]";
    }
}
