package org.musubi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who takes part in the health-notebook run, prepared once in the data directory ({@code phr-plan.tsv}) so that
 * {@code --skip-load} runs again on the same store: the residents (login id, the secret their authenticator holds,
 * their person) and the one resident with ten years of notebook data whose pages are timed alone.
 */
record PhrLoadPlan(List<Resident> residents, Resident heavy) {

    private static final String FILE = "phr-plan.tsv";

    /** A registered resident of the notebook. */
    record Resident(String loginId, String totpSecret, long personId) {
    }

    void save(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", "heavy", heavy.loginId(), heavy.totpSecret(), String.valueOf(heavy.personId())));
        for (Resident r : residents) {
            lines.add(String.join("\t", "resident", r.loginId(), r.totpSecret(), String.valueOf(r.personId())));
        }
        Files.write(directory.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    static PhrLoadPlan read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException("--skip-load needs a data directory prepared before: no " + file);
        }
        List<Resident> residents = new ArrayList<>();
        Resident heavy = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            Resident r = new Resident(f[1], f[2], Long.parseLong(f[3]));
            switch (f[0]) {
                case "heavy" -> heavy = r;
                case "resident" -> residents.add(r);
                default -> throw new IllegalStateException(file + ": unknown line " + f[0]);
            }
        }
        if (heavy == null) {
            throw new IllegalStateException(file + ": no heavy resident");
        }
        return new PhrLoadPlan(residents, heavy);
    }
}
