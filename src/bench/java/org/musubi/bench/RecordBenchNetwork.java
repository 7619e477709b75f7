package org.musubi.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetworkGenerator;

/**
 * The participants of the record benchmark: synthetic facilities with a medical-institution code
 * (all disclosing and viewing), a network operator, and the persons measured. Written to
 * {@code record-bench.properties} in the data directory, so that a later run with
 * {@code --skip-load} finds them again.
 */
record RecordBenchNetwork(List<Facility> facilities, long adminUserId, long[] targetPersons) {

    private static final String FILE = "record-bench.properties";

    /** Registers {@code count} facilities and an operator through the registry. */
    static RecordBenchNetwork register(RecordBenchServer server, long seed, int count) {
        Facilities registry = server.bean(Facilities.class);
        List<SynthFacility> synthetic = new SyntheticNetworkGenerator().generate(seed, new SynthSize(count * 3, 0, 0), 34)
                .facilities().stream().filter(f -> f.code() != null).limit(count).toList();
        if (synthetic.size() < count) {
            throw new IllegalStateException("only " + synthetic.size() + " synthetic facilities have a code");
        }
        List<Facility> facilities = synthetic.stream().map(f -> registry.insert(new FacilityDraft(f.nameKanji(),
                f.nameKana(), f.kind(), f.code().value(), f.prefecture(), f.address(), f.phone(), true, true,
                FacilityStatus.ACTIVE))).toList();
        User admin = server.bean(Users.class).insert(new UserDraft("bench-" + UUID.randomUUID().toString().substring(0, 8),
                "性能 試験", "セイノウ シケン", Profession.NETWORK_OPERATOR, List.of(), true, UserStatus.ACTIVE), false);
        return new RecordBenchNetwork(facilities, admin.id(), new long[0]);
    }

    RecordBenchNetwork withTargets(long[] persons) {
        return new RecordBenchNetwork(facilities, adminUserId, persons);
    }

    void save(Path directory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("facilities", join(facilities.stream().mapToLong(Facility::id).toArray()));
        properties.setProperty("admin", String.valueOf(adminUserId));
        properties.setProperty("targets", join(targetPersons));
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE))) {
            properties.store(out, "Musubi record benchmark: the loaded store's participants");
        }
    }

    static RecordBenchNetwork read(RecordBenchServer server) throws IOException {
        Properties properties = new Properties();
        Path file = server.directory().resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException("--skip-load needs a data directory loaded before: no " + file);
        }
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Facilities registry = server.bean(Facilities.class);
        List<Facility> facilities = Arrays.stream(split(properties.getProperty("facilities")))
                .mapToObj(id -> registry.find(id).orElseThrow()).toList();
        return new RecordBenchNetwork(facilities, Long.parseLong(properties.getProperty("admin")),
                split(properties.getProperty("targets")));
    }

    private static String join(long[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
    }

    private static long[] split(String text) {
        return text.isBlank() ? new long[0] : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }
}
