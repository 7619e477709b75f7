package org.musubi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who takes part in the load run, prepared once in the data directory ({@code load-plan.tsv}) so that
 * {@code --skip-load} runs again on the same store: the clinic users (login id, the viewing facility
 * they belong to, the patient they link by card at the start of their session), the patients already
 * linked to each viewing facility, and the facility systems with their OAuth2 client credentials.
 */
record LoadPlan(List<ClinicUser> users, List<long[]> linkedByViewer, List<FacilitySystem> systems) {

    private static final String FILE = "load-plan.tsv";

    /** A clinician: signs in, links {@code linkPerson} with its card, kana name and birth date, then browses. */
    record ClinicUser(String loginId, int viewer, String card, String kana, LocalDate birthDate, long linkPerson) {
    }

    /** A facility system: a reader ({@code system/*.read}, FHIR searches) or a pharmacy uploading JAHIS files. */
    record FacilitySystem(boolean pharmacy, int viewer, String clientId, String secret) {
    }

    void save(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        for (ClinicUser u : users) {
            lines.add(String.join("\t", "user", u.loginId(), String.valueOf(u.viewer()), u.card(), u.kana(),
                    u.birthDate().toString(), String.valueOf(u.linkPerson())));
        }
        for (int v = 0; v < linkedByViewer.size(); v++) {
            lines.add("linked\t" + v + "\t" + String.join(",", Arrays.stream(linkedByViewer.get(v))
                    .mapToObj(String::valueOf).toList()));
        }
        for (FacilitySystem s : systems) {
            lines.add(String.join("\t", "system", s.pharmacy() ? "pharmacy" : "reader", String.valueOf(s.viewer()),
                    s.clientId(), s.secret()));
        }
        Files.write(directory.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    static LoadPlan read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException("--skip-load needs a data directory prepared before: no " + file);
        }
        List<ClinicUser> users = new ArrayList<>();
        List<long[]> linked = new ArrayList<>();
        List<FacilitySystem> systems = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "user" -> users.add(new ClinicUser(f[1], Integer.parseInt(f[2]), f[3], f[4], LocalDate.parse(f[5]),
                        Long.parseLong(f[6])));
                case "linked" -> linked.add(Arrays.stream(f[2].split(",")).mapToLong(Long::parseLong).toArray());
                case "system" -> systems.add(new FacilitySystem(f[1].equals("pharmacy"), Integer.parseInt(f[2]), f[3], f[4]));
                default -> throw new IllegalStateException(file + ": unknown line " + f[0]);
            }
        }
        return new LoadPlan(users, linked, systems);
    }
}
