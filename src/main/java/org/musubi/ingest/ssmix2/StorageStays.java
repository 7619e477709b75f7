package org.musubi.ingest.ssmix2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.ssmix2.naming.ConditionFlag;
import org.musubi.ingest.ssmix2.naming.Ssmix2FileName;
import org.musubi.ingest.ssmix2.naming.Ssmix2Path;
import org.musubi.ingest.ssmix2.naming.Timestamps;

/**
 * The stays of a standardized storage on disk (a storage source's root, or an uploaded zip unpacked): a patient's
 * admissions are the current ({@code _1}) ADT-22 files in their dated folders. The latest one on or before a date
 * that is not a cancel (ADT^A11) gives the stay: keyed by its admission day, begun at its PV1-44, else its folder's
 * date. A folder that cannot be read counts as holding no admission.
 */
public final class StorageStays implements Stays {

    private final Path root;

    public StorageStays(Path root) {
        this.root = root;
    }

    @Override
    public Optional<Stay> stayOn(String patientId, String date) {
        Path patient = root.resolve(String.join("/", Ssmix2Path.patientFolders(patientId)));
        try {
            if (!patient.normalize().startsWith(root.normalize()) || !Files.isDirectory(patient)) {
                return Optional.empty();
            }
            for (Path day : Folders.list(patient).reversed()) {
                String name = day.getFileName().toString();
                if (Timestamps.isDate(name) && name.compareTo(date) <= 0) {
                    Optional<Stay> admitted = admission(day.resolve("ADT-22"), name).flatMap(Stay::admittedAt);
                    if (admitted.isPresent()) {
                        return admitted;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> admission(Path folder, String day) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Optional<Path> current = Folders.list(folder).stream()
                .filter(f -> Ssmix2FileName.parse(f.getFileName().toString()) instanceof Ssmix2FileName.NameCheck.Valid v
                        && v.name().condition() == ConditionFlag.CURRENT)
                .max(Comparator.comparing(f -> f.getFileName().toString()));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        String text = Hl7Text.decode(Files.readAllBytes(current.get())).map(Hl7Text.Decoded::text).orElse("");
        if (text.contains("ADT^A11")) {
            return Optional.empty();
        }
        return Optional.of(RawSegments.field(text, "PV1", 44).filter(ts -> Hl7Values.date(ts).isPresent()).orElse(day));
    }
}
