package org.musubi.testing.screenlint;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The screen lint (issue 63, build item 4): what no person should read on a page or in a document Musubi makes — a
 * Java record's or collection's text, {@code null}, a UUID or a resource id, UCUM's notation, a message key, a FHIR
 * element path, an English exception or parser message on a Japanese page, an internal code. Each {@link Defect} is a
 * detector over the lines {@link ScreenText} reads; {@code ScreenLintTest} proves every one on a fixture page that has
 * the defect and on pages that only look alike (a UUID in a link, a login id in code, English prose with a hyphen),
 * so that a detector that never fires, or fires on what is right, fails the build.
 */
public final class ScreenLint {

    /** The R4 resource types, as HAPI knows them (a path or an id starts with one). */
    private static final List<String> RESOURCE_TYPES = FhirContext.forR4Cached().getResourceTypes().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
    /**
     * Any of them. The look-ahead first (every type starts with a capital and a small letter) spares trying some 150
     * names at each character of a line where none can start: it was most of the screen lint's own time.
     */
    private static final String TYPE = RESOURCE_TYPES.stream().collect(Collectors.joining("|", "(?=[A-Z][a-z])(?:", ")"));
    /** Resource types of more than one word (DiagnosticReport): no English word, a FHIR name wherever it is read. */
    private static final String COMPOUND_TYPE = RESOURCE_TYPES.stream().filter(t -> t.chars().skip(1)
            .anyMatch(Character::isUpperCase)).collect(Collectors.joining("|", "(?=[A-Z][a-z])(?:", ")"));
    /** The keys of Musubi's message bundle: a page that prints one printed a key, not its text. */
    private static final Set<String> MESSAGE_KEYS = keys("/messages.properties");

    /** A defect a person must never read, and how it is found. */
    public enum Defect {
        /** A Java record's, collection's, map's, Optional's or object's own text: {@code Problem[title=…]}, {@code []}. */
        JAVA_TEXT("a Java record's or collection's text", Pattern.compile(
                "\\b[A-Z][A-Za-z0-9]*\\[[a-z][A-Za-z0-9]*=" // Problem[title=
                        + "|=\\[]|=\\{}|\\[]|\\{}" // marks=[], {} and [] alone
                        + "|\\bOptional(?:\\[|\\.empty\\b)" // Optional[x], Optional.empty
                        + "|\\{[a-z][A-Za-z0-9]*=" // {kind=otc, …}
                        + "|\\b(?:[a-z][a-z0-9]*\\.)+[A-Z][A-Za-z0-9$]*@[0-9a-f]{4,}\\b")), // org.musubi.X@1b2c3d
        /** {@code null}, and JavaScript's {@code undefined} and {@code NaN}, as words. */
        NULL("null", Pattern.compile("(?<![\\w.\\-])(?:null|undefined|NaN)(?![\\w\\-])")),
        /** A UUID, whole or cut ({@code 9f643845-…}). */
        UUID("a UUID", Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"
                + "|\\b[0-9a-fA-F]{8}-(?:…|\\.\\.\\.)")),
        /**
         * A resource's id or type in front of a person: {@code Observation/123}, {@code DiagnosticReport 2026-11-21},
         * a type of more than one word ({@code MedicationRequest}) anywhere, a bare hex id of 8 or more digits and letters.
         */
        RESOURCE_ID("a resource id or type", Pattern.compile("(?<![\\w/.])" + TYPE + "/[A-Za-z0-9\\-.]{1,64}"
                + "|(?<![\\w/.])" + COMPOUND_TYPE + "(?![\\w.])"
                + "|(?<![\\w\\-./#:])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}(?![\\w\\-.])")),
        /** UCUM's notation: an annotation in braces, {@code 10*4}, a bracketed unit atom ({@code mm[Hg]}, {@code [IU]}). */
        UCUM("UCUM notation", Pattern.compile("\\{[^{}\\s]{1,40}}|\\b10\\*[-+]?\\d+|\\[(?:Hg|IU|iU|pH|in_i|lb_av|degF|ppm|ppb"
                + "|drp|arb'U|HPF|LPF|CFU|mi_i|ft_i|foz_us|tsp_us|tbs_us|cup_us)]")),
        /** A message key Thymeleaf could not resolve ({@code ??key_ja??}), or a key of the bundle printed as it is. */
        MESSAGE_KEY("an unresolved message key", Pattern.compile("\\?\\?[^?\\s]+\\?\\?")),
        /** A FHIR element path ({@code Condition.code.coding}, {@code Observation.value[x]}); a SMART scope is no path. */
        FHIR_PATH("a FHIR element path", Pattern.compile("(?<![\\w/.])" + TYPE
                + "\\.(?!read\\b|write\\b|\\*|rs\\b|cruds\\b)[a-z][A-Za-z]*(?:\\[x])?(?:\\.[a-z][A-Za-z]*(?:\\[x])?)*")),
        /** On a Japanese page: an exception's name, a stack frame, a parser's or a library's English message. */
        ENGLISH_ERROR("an English exception or parser message on a Japanese page", Pattern.compile(
                "\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b|\\bat (?:org|java|jdk|com|ca|sun)\\.[a-z]"
                        + "|\\b(?:java|javax|jakarta|org\\.springframework|org\\.postgresql|ca\\.uhn|com\\.fasterxml)\\.[a-z]"
                        + "|(?i:\\b(?=[a-z])(?:unrecognized (?:token|field)|unexpected (?:character|token|end|char|input|element)"
                        + "|cannot (?:deserialize|construct|parse|convert|invoke)|json parse error|was expecting"
                        + "|whitelabel error page|internal server error|failed to (?:convert|parse|read|bind)"
                        + "|must not be (?:null|empty|blank)|required request (?:parameter|body|part)"
                        + "|no enum constant|for input string|could not be parsed|index \\d+ out of bounds"
                        + "|duplicate key value|violates (?:foreign key|check|not-null|unique) constraint"
                        + "|line:? \\d+,? col(?:umn)?:? \\d+|HAPI-\\d{4}|syntax error at))")),
        /**
         * An internal code: a kebab- or snake-case word ({@code emergency-dataset}, {@code record_kind}) or an enum
         * constant ({@code POSTAL_CODE}) standing alone, not in English prose ({@code follow-up pathway}), not part of
         * an address, a file name or a path, and not a setting the text tells an operator to set.
         */
        INTERNAL_CODE("an internal code", Pattern.compile(
                "(?<![\\w./@:#?=&%\\-])(?:[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+|[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*_[A-Z0-9]+"
                        + "(?:[-_][A-Z0-9]+)*)(?![\\w./@\\-])"));

        private final String description;
        private final Pattern pattern;

        Defect(String description, Pattern pattern) {
            this.description = description;
            this.pattern = pattern;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One defect read on a page: which, the exact text, the line around it (at most 40 characters each side), and the
     * words just before it in its line (at most 40 characters: what names an id, e.g. {@code ご紹介の文書 }).
     */
    public record Hit(Defect defect, String text, String snippet, String before) {
    }

    private record Found(Hit hit, int start, int end) {

        boolean overlaps(Found other) {
            return start < other.end && other.start < end;
        }
    }

    /**
     * Words a name to type follows: a setting in an operator's instruction ({@code 環境変数 MUSUBI_IMAGING_ORTHANC_URL}),
     * a column of the file a facility sends ({@code 列 collected_at}).
     */
    private static final Pattern SETTING = Pattern.compile(
            "(?:環境変数|設定|列|environment variable|setting|property|column)\\s*[:：]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** A word of English prose next to a code: {@code follow-up} in {@code cancer follow-up pathway}. */
    private static final Pattern WORD_BEFORE = Pattern.compile("[A-Za-z]{2,}[,;:]? $");
    private static final Pattern WORD_AFTER = Pattern.compile("^[,;:]? [A-Za-z]{2,}");
    private static final Pattern DOTTED = Pattern.compile("(?<![\\w.\\-])[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9\\-]+)+(?![\\w\\-])");

    private ScreenLint() {
    }

    /** Every defect on what a person reads here. */
    public static List<Hit> check(ScreenText page) {
        List<Hit> hits = new ArrayList<>();
        for (ScreenText.Line line : page.lines()) {
            hits.addAll(check(page, line));
        }
        return hits;
    }

    /** A line's defects; an internal code that is part of something a sharper detector found (a UUID) is that. */
    private static List<Hit> check(ScreenText page, ScreenText.Line line) {
        List<Found> hits = new ArrayList<>();
        String text = line.text();
        for (Defect defect : Defect.values()) {
            if (defect == Defect.ENGLISH_ERROR && !page.japanese()) {
                continue;
            }
            if (line.literal() && (defect == Defect.INTERNAL_CODE || defect == Defect.FHIR_PATH || defect == Defect.UCUM)) {
                continue; // what a person is meant to type or copy as it is: a login id, a setting, a UCUM code to edit
            }
            Matcher m = defect.pattern.matcher(text);
            while (m.find()) {
                if (defect == Defect.INTERNAL_CODE && !internal(page, text, m)) {
                    continue;
                }
                hits.add(hit(defect, text, m.start(), m.end()));
            }
        }
        Matcher dotted = DOTTED.matcher(text);
        while (dotted.find()) {
            if (MESSAGE_KEYS.contains(dotted.group())) {
                hits.add(hit(Defect.MESSAGE_KEY, text, dotted.start(), dotted.end()));
            }
        }
        return hits.stream().filter(f -> f.hit().defect() != Defect.INTERNAL_CODE || hits.stream()
                .noneMatch(o -> o.hit().defect() != Defect.INTERNAL_CODE && o.overlaps(f))).map(Found::hit).toList();
    }

    /**
     * An internal code rather than English (a hyphenated word of letters on an English page, or next to an English
     * word on a Japanese one: {@code self-reported}, {@code cancer follow-up pathway}), a setting an operator is told
     * to set, or a technical name glossed: in brackets after the words that say what it is
     * ({@code 戻り先 URI（redirect_uri、…）}), or followed by them in brackets ({@code offline_access（リフレッシュトークン）}).
     */
    private static boolean internal(ScreenText page, String text, Matcher m) {
        String before = text.substring(0, m.start());
        String after = text.substring(m.end());
        boolean word = m.group().chars().allMatch(c -> c == '-' || Character.isLowerCase(c));
        boolean english = word && (!page.japanese()
                || WORD_BEFORE.matcher(before).find() || WORD_AFTER.matcher(after).find());
        String opened = before.stripTrailing();
        boolean glossed = (opened.endsWith("（") || opened.endsWith("(")) && !opened.substring(0, opened.length() - 1).isBlank()
                || after.startsWith("（") || after.startsWith(" (") || after.startsWith("(");
        return !english && !glossed && !SETTING.matcher(before).find();
    }

    private static Found hit(Defect defect, String text, int start, int end) {
        String snippet = text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40));
        String before = text.substring(Math.max(0, start - 40), start);
        return new Found(new Hit(defect, text.substring(start, end), snippet, before), start, end);
    }

    private static Set<String> keys(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ScreenLint.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(properties.stringPropertyNames());
    }
}
