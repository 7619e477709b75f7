package org.musubi.ingest.checkup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.Location;

/**
 * Reads a checkup document's header (特定健診情報ファイル仕様, 3.2): the report kind ({@code code}, OID
 * 1.2.392.200119.6.1001; only {@code 10} 特定健診情報 is a checkup result), the examinee ({@code recordTarget/patientRole}:
 * {@code id}s by root OID, {@code addr}, {@code telecom}, {@code patient/name}, {@code administrativeGenderCode} (OID
 * 1.2.392.200119.6.1104: 1 male, 2 female), {@code birthTime}), the day of the checkup and the checkup organisation
 * ({@code documentationOf/serviceEvent} with its {@code effectiveTime} and {@code performer}; a document that gives them
 * in {@code componentOf/encompassingEncounter} instead is read there) and the programme ({@code serviceEvent/code}).
 * What a record cannot do without (the 保険者番号 and 被保険者証等番号, the birth date, the day of the checkup)
 * rejects the document, naming the element.
 */
final class CheckupHeaders {

    static final String REPORT_KIND = "1.2.392.200119.6.1001";
    static final String INSURER = "1.2.392.200119.6.101";
    static final String ORGANISATION = "1.2.392.200119.6.102";
    static final String SYMBOL = "1.2.392.200119.6.204";
    static final String NUMBER = "1.2.392.200119.6.205";
    static final String BRANCH = "1.2.392.200119.6.211";
    static final String CHECKUP_RESULT = "10";

    private final String file;

    CheckupHeaders(String file) {
        this.file = file;
    }

    CheckupHeader read(XmlNode root) throws CheckupRejected {
        XmlNode code = root.child("code").orElseThrow(() -> missing(root, "code"));
        String kind = code.attribute("code");
        if (kind == null) {
            throw new CheckupRejected(CheckupProblems.inDocument(file, code, "code"), "checkup.required", "code/@code");
        }
        if (!kind.equals(CHECKUP_RESULT)) {
            throw new CheckupRejected(CheckupProblems.inDocument(file, code, "code"), "checkup.reportKind", kind);
        }
        XmlNode role = root.at("recordTarget", "patientRole").orElseThrow(() -> new CheckupRejected(
                new Location(file, root.line(), CheckupProblems.DOCUMENT, "recordTarget/patientRole"), "checkup.patient.missing"));
        CheckupHeader.Examinee examinee = examinee(role);
        XmlNode event = root.at("documentationOf", "serviceEvent").orElse(null);
        XmlNode encounter = root.at("componentOf", "encompassingEncounter").orElse(null);
        LocalDate performed = performed(root, event, encounter);
        return new CheckupHeader(kind, performed, examinee, organisation(root, event, encounter), programme(event));
    }

    private CheckupHeader.Examinee examinee(XmlNode role) throws CheckupRejected {
        String insurer = id(role, INSURER, true);
        String number = id(role, NUMBER, true);
        XmlNode patient = role.child("patient").orElseThrow(() -> missing(role, "patient"));
        XmlNode birth = patient.child("birthTime").orElseThrow(() -> missing(patient, "birthTime"));
        LocalDate birthDate = date(birth);
        Names names = names(patient.children("name"));
        Optional<XmlNode> addr = role.child("addr");
        return new CheckupHeader.Examinee(insurer, id(role, SYMBOL, false), number, id(role, BRANCH, false), names.kanji,
                names.kana, sex(patient), birthDate, addr.flatMap(a -> a.child("postalCode")).map(XmlNode::allText)
                .filter(t -> !t.isEmpty()).orElse(null), addr.map(CheckupHeaders::addressText).orElse(null),
                phone(role.children("telecom")));
    }

    /** The {@code extension} of the {@code id} whose {@code root} is {@code oid}; null when absent and not required. */
    private String id(XmlNode role, String oid, boolean required) throws CheckupRejected {
        for (XmlNode id : role.children("id")) {
            if (oid.equals(id.attribute("root"))) {
                String value = id.attribute("extension");
                if (value == null && required) {
                    throw idMissing(CheckupProblems.inDocument(file, id, "extension"), oid);
                }
                return value;
            }
        }
        if (required) {
            Location at = CheckupProblems.inDocument(file, role);
            throw idMissing(at.field(at.field() + "/id[@root=" + oid + "]"), oid);
        }
        return null;
    }

    private static CheckupRejected idMissing(Location at, String oid) {
        boolean insurer = oid.equals(INSURER);
        return new CheckupRejected(at, "checkup.patient.id", oid, insurer ? "保険者番号" : "被保険者証等番号",
                insurer ? "insurer number" : "insured person's number");
    }

    private Sex sex(XmlNode patient) throws CheckupRejected {
        Optional<XmlNode> gender = patient.child("administrativeGenderCode");
        if (gender.isEmpty() || gender.get().attribute("code") == null) {
            return Sex.UNKNOWN;
        }
        return switch (gender.get().attribute("code")) {
            case "1", "M" -> Sex.MALE;
            case "2", "F" -> Sex.FEMALE;
            default -> throw new CheckupRejected(CheckupProblems.inDocument(file, gender.get(), "code"), "checkup.sex",
                    gender.get().attribute("code"));
        };
    }

    private LocalDate performed(XmlNode root, XmlNode event, XmlNode encounter) throws CheckupRejected {
        Optional<XmlNode> time = Optional.ofNullable(event).flatMap(e -> e.child("effectiveTime"))
                .or(() -> Optional.ofNullable(encounter).flatMap(e -> e.child("effectiveTime")));
        if (time.isEmpty()) {
            throw new CheckupRejected(new Location(file, root.line(), CheckupProblems.DOCUMENT,
                    "documentationOf/serviceEvent/effectiveTime"), "checkup.performed.missing");
        }
        XmlNode at = time.get().attribute("value") == null ? time.get().child("low").orElse(time.get()) : time.get();
        return date(at);
    }

    private LocalDate date(XmlNode time) throws CheckupRejected {
        Location at = CheckupProblems.inDocument(file, time, "value");
        String value = time.attribute("value");
        if (value == null) {
            throw new CheckupRejected(at, "checkup.required", at.field());
        }
        return CheckupDates.date(value).orElseThrow(() -> new CheckupRejected(at, "checkup.date", at.field(), value));
    }

    /**
     * The organisation that performed the checkup: the service event's performer, else the encounter's service
     * provider, else the organisation that wrote the file (in 特定健診 files, the checkup organisation itself).
     */
    private static CheckupHeader.Organisation organisation(XmlNode root, XmlNode event, XmlNode encounter) {
        Optional<XmlNode> organisation = Optional.ofNullable(event)
                .flatMap(e -> e.at("performer", "assignedEntity", "representedOrganization"))
                .or(() -> Optional.ofNullable(encounter)
                        .flatMap(e -> e.at("location", "healthCareFacility", "serviceProviderOrganization")))
                .or(() -> root.at("author", "assignedAuthor", "representedOrganization"));
        return organisation.map(CheckupHeaders::organisation).orElse(null);
    }

    private static CheckupHeader.Organisation organisation(XmlNode organisation) {
        String number = organisation.children("id").stream().filter(id -> ORGANISATION.equals(id.attribute("root")))
                .map(id -> id.attribute("extension")).filter(e -> e != null).findFirst().orElse(null);
        String name = organisation.child("name").map(XmlNode::allText).filter(n -> !n.isEmpty()).orElse(null);
        Optional<XmlNode> addr = organisation.child("addr");
        if (number == null && name == null) {
            return null;
        }
        return new CheckupHeader.Organisation(number, name, phone(organisation.children("telecom")),
                addr.flatMap(a -> a.child("postalCode")).map(XmlNode::allText).filter(t -> !t.isEmpty()).orElse(null),
                addr.map(CheckupHeaders::addressText).orElse(null));
    }

    private static CheckupHeader.Programme programme(XmlNode event) {
        if (event == null) {
            return null;
        }
        return event.child("code").filter(c -> c.attribute("code") != null)
                .map(c -> new CheckupHeader.Programme(c.attribute("code"), c.attribute("displayName"))).orElse(null);
    }

    /** An {@code addr}'s text without its postal code: its own text and that of its parts but {@code postalCode}. */
    private static String addressText(XmlNode addr) {
        StringBuilder text = new StringBuilder(addr.text());
        for (XmlNode part : addr.children()) {
            if (!part.name().equals("postalCode")) {
                text.append(part.allText());
            }
        }
        String address = text.toString().strip();
        return address.isEmpty() ? null : address;
    }

    /** The first {@code telecom}'s number, without its {@code tel:} scheme. */
    private static String phone(List<XmlNode> telecoms) {
        for (XmlNode telecom : telecoms) {
            String value = telecom.attribute("value");
            if (value != null) {
                String number = value.startsWith("tel:") ? value.substring(4).strip() : value;
                return number.isEmpty() ? null : number;
            }
        }
        return null;
    }

    /** The kanji and kana names: by {@code use} (IDE, SYL) when given, else told apart by their characters. */
    private static Names names(List<XmlNode> names) {
        Names found = new Names();
        for (XmlNode name : names) {
            String text = nameText(name);
            if (text.isEmpty()) {
                continue;
            }
            String use = name.attribute("use") == null ? "" : name.attribute("use");
            boolean kana = use.contains("SYL") || !use.contains("IDE") && !use.contains("ABC") && kana(text);
            if (kana && found.kana == null) {
                found.kana = text;
            } else if (!kana && !use.contains("ABC") && found.kanji == null) {
                found.kanji = text;
            }
        }
        return found;
    }

    /** A name's text: {@code family} and {@code given} parts joined by a full-width space, else the whole text. */
    private static String nameText(XmlNode name) {
        Optional<String> family = name.child("family").map(XmlNode::allText).filter(t -> !t.isEmpty());
        Optional<String> given = name.child("given").map(XmlNode::allText).filter(t -> !t.isEmpty());
        if (family.isPresent()) {
            return given.map(g -> family.get() + "\u3000" + g).orElse(family.get());
        }
        return name.allText();
    }

    /** Katakana (full- or half-width), the long-vowel mark, middle dot and spaces only. */
    static boolean kana(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean katakana = c >= '\u30A0' && c <= '\u30FF' || c >= '\uFF65' && c <= '\uFF9F';
            if (!katakana && c != ' ' && c != '\u3000') {
                return false;
            }
        }
        return true;
    }

    private CheckupRejected missing(XmlNode parent, String child) {
        Location at = CheckupProblems.inDocument(file, parent);
        return new CheckupRejected(at.field(at.field() == null ? child : at.field() + "/" + child), "checkup.required",
                at.field() == null ? child : at.field() + "/" + child);
    }

    /** The names found, each null until one is. */
    private static final class Names {
        String kanji;
        String kana;
    }
}
