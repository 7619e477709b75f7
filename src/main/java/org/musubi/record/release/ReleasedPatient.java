package org.musubi.record.release;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.registry.places.Prefectures;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one Patient a research release holds per person, made from the regional person rather than read from a
 * facility: id, sex, birth date and the address cut to its prefecture and municipality (市区町村; for a designated city
 * the city, not the ward; 郡 kept with its town or village). Nothing else of the person — no name, postcode, street,
 * phone or identifier — is put in, so nothing else can leak.
 */
final class ReleasedPatient {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** After the prefecture: an optional 郡, then the shortest name ending in 市, 区 (東京都's wards), 町 or 村. */
    private static final Pattern MUNICIPALITY = Pattern.compile("^((?:[^0-9０-９]{1,6}?郡)?[^0-9０-９]{1,8}?[市区町村])");

    private ReleasedPatient() {
    }

    static String json(String id, LocalDate birthDate, String sex, String address) {
        ObjectNode patient = MAPPER.createObjectNode();
        patient.put("resourceType", "Patient");
        patient.put("id", id);
        if (sex != null) {
            patient.put("gender", sex.toLowerCase(Locale.ROOT));
        }
        if (birthDate != null) {
            patient.put("birthDate", birthDate.toString());
        }
        place(address).ifPresent(p -> {
            ObjectNode a = patient.putArray("address").addObject();
            a.put("state", p[0]);
            if (p[1] != null) {
                a.put("city", p[1]);
            }
        });
        return MAPPER.writeValueAsString(patient);
    }

    /** The prefecture and municipality (null when it cannot be read) an address names; empty without a prefecture. */
    static Optional<String[]> place(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String a = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        Optional<Integer> prefecture = Prefectures.startOf(a);
        if (prefecture.isEmpty()) {
            return Optional.empty();
        }
        String name = Prefectures.name(prefecture.get());
        Matcher m = MUNICIPALITY.matcher(a.substring(name.length()));
        return Optional.of(new String[] {name, m.find() ? m.group(1) : null});
    }
}
