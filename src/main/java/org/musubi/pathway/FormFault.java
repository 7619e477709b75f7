package org.musubi.pathway;

import java.util.Arrays;
import java.util.List;

/**
 * What is wrong with a filled form or a template: the item it concerns (a linkId; a path such as {@code item[2]} where
 * the item has no linkId; a stage's code before a {@code /} in a template; {@code Questionnaire} or {@code template}
 * for the whole), the reason as a message key ({@code pathway.response.*}, {@code pathway.template.*}, Japanese and
 * English in the message bundles) and the arguments of its text.
 */
public record FormFault(String item, String reason, List<String> args) {

    public FormFault {
        args = List.copyOf(args);
    }

    static FormFault of(String item, String reason, Object... args) {
        return new FormFault(item, reason, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The same fault, its item named within a stage ({@code acute/mrs}). */
    FormFault inStage(String stage) {
        return new FormFault(stage + "/" + item, reason, args);
    }

    @Override
    public String toString() {
        return item + ": " + reason + (args.isEmpty() ? "" : " " + args);
    }
}
