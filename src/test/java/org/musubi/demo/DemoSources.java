package org.musubi.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.sources.SourceFiles;
import org.musubi.synth.sources.SourceOptions;

/**
 * The demo's generated source files read back as a doctor reads them: laboratory results and outpatient
 * prescriptions of the SS-MIX2 storages (the final version of each order, cancelled ones left out) and the
 * dispensings of the JAHIS notebooks, with the patient's birth date and sex.
 */
record DemoSources(List<LabResult> labs, List<Prescription> prescriptions, List<Dispensed> dispensed) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** One OBX (or lab CSV row): where, whose, when, which test, value, range and flag ("" for none). */
    record LabResult(String facility, String patient, LocalDate birthDate, String sex, LocalDate collected,
                     String specimen, String code, String name, double value, String low, String high, String flag) {
    }

    /** One drug of an outpatient prescription (RXE/TQ1): tablets a day, dispensed amount, usage and days. */
    record Prescription(String facility, String patient, LocalDate birthDate, String sex, String order, LocalDate day,
                        String yj, String name, int perDose, int amount, String usage, int days) {
    }

    /** One drug of a JAHIS dispensing: the notebook file, date, prescriber, amount, usage, count and its unit. */
    record Dispensed(String notebook, LocalDate birthDate, String sex, LocalDate day, String prescriber, String yj,
                     String name, int amount, String usage, int count, String countUnit) {
    }

    /** Writes the demo's sources as the demo does (its seed, persons and messages) for care ending on {@code until}. */
    static DemoSources generate(Path folder, int persons, int messages, LocalDate until) {
        long seed = 20260401L;
        SyntheticNetwork network = new SyntheticNetworkGenerator().generate(seed, SynthSize.demo());
        SourceFiles.write(network, persons, folder, SourceOptions.defaults(seed).withMessagesPerPatient(messages)
                .withUntil(until), done -> { });
        return read(folder);
    }

    static DemoSources read(Path folder) {
        Map<String, List<String>> orders = new LinkedHashMap<>();
        List<Dispensed> dispensed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String facility = folder.relativize(file).getName(0).toString();
                if (file.toString().contains("/ssmix2/")) {
                    String message = new String(Files.readAllBytes(file), Charset.forName("ISO-2022-JP"));
                    String order = facility + "/" + file.getFileName().toString().split("_")[3];
                    String key = order.endsWith("999999999999999") ? file.toString() : order;
                    List<String> previous = orders.get(key);
                    if (previous == null || field(previous, "MSH", 7).compareTo(field(message, "MSH", 7)) < 0) {
                        orders.put(key, List.of(facility, message));
                    }
                } else if (file.toString().contains("/jahis/")) {
                    dispensed.addAll(jahis(file.toString(), text(Files.readAllBytes(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LabResult> labs = new ArrayList<>();
        List<Prescription> prescriptions = new ArrayList<>();
        for (List<String> order : orders.values()) {
            String message = order.get(1);
            if (message.contains("\rORC|CA|")) {
                continue;
            }
            if (field(message, "MSH", 9).startsWith("OUL")) {
                labs.addAll(labs(order.getFirst(), message));
            } else if (field(message, "MSH", 9).startsWith("RDE") && message.contains("OHP^")) {
                prescriptions.addAll(prescriptions(order.getFirst(), message));
            }
        }
        return new DemoSources(labs, prescriptions, dispensed);
    }

    private static List<LabResult> labs(String facility, String message) {
        List<LabResult> results = new ArrayList<>();
        String specimen = "";
        for (String segment : message.split("\r")) {
            String[] f = segment.split("\\|", -1);
            if (f[0].equals("SPM")) {
                specimen = f[4].split("\\^")[0];
            } else if (f[0].equals("OBX")) {
                String[] range = f[7].startsWith(">=") ? new String[] {f[7].substring(2), ""} : f[7].split("-");
                results.add(new LabResult(facility, patient(message), birthDate(message), field(message, "PID", 8),
                        LocalDate.parse(f[14].substring(0, 8), DAY), specimen, f[3].split("\\^")[0],
                        f[3].split("\\^")[1], Double.parseDouble(f[5]), range[0], range[1], f[8]));
            }
        }
        return results;
    }

    private static List<Prescription> prescriptions(String facility, String message) {
        List<Prescription> drugs = new ArrayList<>();
        String[] rxe = null;
        for (String segment : message.split("\r")) {
            String[] f = segment.split("\\|", -1);
            if (f[0].equals("RXE")) {
                rxe = f;
            } else if (f[0].equals("TQ1") && rxe != null) {
                drugs.add(new Prescription(facility, patient(message), birthDate(message), field(message, "PID", 8),
                        field(message, "ORC", 2), LocalDate.parse(f[7], DAY), rxe[2].split("\\^")[0],
                        rxe[2].split("\\^")[1], Integer.parseInt(rxe[19].split("\\^")[0]), Integer.parseInt(rxe[10]),
                        f[3].split("~")[0].split("&")[1], Integer.parseInt(f[6].split("\\^")[0])));
            }
        }
        return drugs;
    }

    private static List<Dispensed> jahis(String notebook, String text) {
        List<Dispensed> drugs = new ArrayList<>();
        LocalDate birth = null;
        String sex = "";
        LocalDate day = null;
        String prescriber = "";
        Map<String, String[]> rps = new LinkedHashMap<>();
        for (String line : text.split("\r\n")) {
            String[] f = line.split(",", -1);
            switch (f[0]) {
                case "1" -> {
                    birth = f[3].isEmpty() ? null : LocalDate.parse(f[3], DAY);
                    sex = f[2];
                }
                case "5" -> day = LocalDate.parse(f[1], DAY);
                case "51" -> prescriber = f[4];
                case "201" -> rps.put(f[1], f);
                case "301" -> {
                    String[] drug = rps.remove(f[1]);
                    drugs.add(new Dispensed(notebook, birth, sex, day, prescriber, drug[6], drug[2],
                            Integer.parseInt(drug[3]), f[2], Integer.parseInt(f[3]), f[4]));
                }
                default -> { }
            }
        }
        return drugs;
    }

    private static String patient(String message) {
        return field(message, "PID", 3).split("\\^")[0];
    }

    private static LocalDate birthDate(String message) {
        String birth = field(message, "PID", 7);
        return birth.isEmpty() ? null : LocalDate.parse(birth.substring(0, 8), DAY);
    }

    private static String field(List<String> order, String segment, int number) {
        return field(order.get(1), segment, number);
    }

    /** Field {@code number} of the first {@code segment} (MSH counted as HL7 does, its separator being field 1). */
    static String field(String message, String segment, int number) {
        for (String s : message.split("\r")) {
            if (s.startsWith(segment + "|")) {
                String[] f = s.split("\\|", -1);
                int index = segment.equals("MSH") ? number - 1 : number;
                return index < f.length ? f[index] : "";
            }
        }
        return "";
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("Shift_JIS"));
        }
    }
}
