package org.musubi.record.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Known ways in which real senders' resources differ from what HAPI's validator accepts, although a receiver
 * understands them without doubt: each is a named deviation that an operator may let through as a warning
 * (the resource is stored and the sender told) instead of a refusal. Structure, cardinality, required
 * bindings and references are never among them.
 *
 * <p>A deviation is recognised by the element it is found at and the validator's English message (the
 * validator's message ids are too coarse here: every terminology finding is {@code
 * Terminology_PassThrough_TX_Message}); {@code KnownDeviationsTest} holds each to the validator's own words.
 */
public final class KnownDeviations {

    /**
     * One known deviation.
     *
     * @param name     how operators name it ({@code musubi.fhir.validation-deviations})
     * @param element  the elements it occurs at (a FHIRPath from the resource's root)
     * @param message  the validator's English message
     * @param applies  a further condition on what {@code message} matched
     * @param japanese what the warning tells the sender, in Japanese
     * @param english  the same in English
     */
    public record Deviation(String name, Pattern element, Pattern message, Predicate<Matcher> applies,
                            String japanese, String english) {

        boolean matches(Fault fault) {
            if (fault.element() == null || fault.english() == null || !element.matcher(fault.element()).find()) {
                return false;
            }
            Matcher m = message.matcher(fault.english());
            return m.find() && applies.test(m);
        }

        /** The fault restated as this deviation's warning: the element, the explanation, the validator's words. */
        Fault warning(Fault fault) {
            return new Fault(fault.element(), fault.issueType(), "既知の差異 " + name + "：" + japanese,
                    fault.english() + " (known deviation " + name + ": " + english + ")");
        }
    }

    /** A well-formed BCP-47 language tag (RFC 5646 in outline: a 2–3 letter language, then subtags). */
    private static final Pattern BCP_47 = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");
    private static final Pattern LANGUAGE_ELEMENT = Pattern.compile("(^|\\.)language$");
    /** HL7's Common Languages value set, which R4 binds language elements to (extensible or preferred). */
    private static final String COMMON_LANGUAGES = Pattern.quote(FhirSystems.COMMON_LANGUAGES);

    private static final List<Deviation> ALL = List.of(
            new Deviation("language-outside-common-languages", LANGUAGE_ELEMENT,
                    Pattern.compile("^Code \"([^\"]+)\" is not in valueset: " + COMMON_LANGUAGES + "(\\|[0-9.]+)?$"),
                    m -> BCP_47.matcher(m.group(1)).matches(),
                    "言語タグ（BCP-47）が HL7 の共通言語の値セットにありません（vi、haw、ja-JP など）。R4 の言語は"
                            + "どの BCP-47 タグでもよいため、保存しました",
                    "a BCP-47 language tag outside HL7's Common Languages value set (vi, haw, ja-JP …); R4 allows any "
                            + "BCP-47 tag, so the resource was stored"),
            new Deviation("language-iso-639-system", LANGUAGE_ELEMENT,
                    Pattern.compile("^Inappropriate CodeSystem URL \"urn:iso:std:iso:639-[123]\" for ValueSet: "
                            + COMMON_LANGUAGES + "(\\|[0-9.]+)?$"),
                    m -> true,
                    "言語が ISO 639 のコード体系（urn:iso:std:iso:639-1 など）で書かれています。R4 の言語は BCP-47"
                            + "（urn:ietf:bcp:47）ですが、ISO 639 のコードは同じ言語を表すため、保存しました",
                    "a language coded in ISO 639 (urn:iso:std:iso:639-1 …) instead of BCP-47 (urn:ietf:bcp:47); its "
                            + "codes name the same languages, so the resource was stored"));

    private KnownDeviations() {
    }

    /** Every known deviation, in the order the documentation lists them. */
    public static List<Deviation> all() {
        return ALL;
    }

    /** Every known deviation's name. */
    public static List<String> names() {
        return ALL.stream().map(Deviation::name).toList();
    }

    /** The known deviation a fault is, if it is one. */
    public static Optional<Deviation> of(Fault fault) {
        return ALL.stream().filter(d -> d.matches(fault)).findFirst();
    }

    /**
     * What was found, sorted: the faults that still refuse, and as warnings those that are deviations
     * named in {@code tolerated}.
     */
    public static Findings sort(List<Fault> faults, Set<String> tolerated) {
        List<Fault> refusing = new ArrayList<>();
        List<Fault> warnings = new ArrayList<>();
        for (Fault fault : faults) {
            Optional<Deviation> deviation = tolerated.isEmpty() ? Optional.empty() : of(fault);
            if (deviation.isPresent() && tolerated.contains(deviation.get().name())) {
                warnings.add(deviation.get().warning(fault));
            } else {
                refusing.add(fault);
            }
        }
        return new Findings(List.copyOf(refusing), List.copyOf(warnings));
    }

    /** Faults that refuse a resource, and warnings it is stored with. */
    public record Findings(List<Fault> refusing, List<Fault> warnings) {
    }
}
