package org.musubi.pathway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * Which items of a form are enabled by the answers given so far (R4 {@code enableWhen}, {@code enableBehavior}). An
 * item is enabled when its parent is and its conditions hold: all of them, or any of them with {@code enableBehavior
 * any}. A condition on a question with no answer holds only for {@code exists false}; {@code =}, {@code >}, {@code <},
 * {@code >=}, {@code <=} hold when some answer satisfies them, {@code !=} when there are answers and none equals the
 * value; values that do not compare (a date against a number) do not satisfy any of them.
 */
public final class Enablement {

    private final Map<String, QuestionnaireItemComponent> items = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, List<Type>> answers;
    private final Map<String, Boolean> known = new HashMap<>();

    /** For a form and the answers given, by linkId (an item with no answer may be absent). */
    public Enablement(Questionnaire form, Map<String, List<Type>> answers) {
        index(form.getItem(), null);
        this.answers = Map.copyOf(answers);
    }

    private void index(List<QuestionnaireItemComponent> level, String parent) {
        for (QuestionnaireItemComponent item : level) {
            items.putIfAbsent(item.getLinkId(), item);
            if (parent != null) {
                parents.putIfAbsent(item.getLinkId(), parent);
            }
            index(item.getItem(), item.getLinkId());
        }
    }

    /** Whether the item of this linkId is enabled; an item the form does not have is not. */
    public boolean enabled(String linkId) {
        Boolean done = known.get(linkId);
        if (done != null) {
            return done;
        }
        known.put(linkId, false); // a cycle of conditions enables nothing
        QuestionnaireItemComponent item = items.get(linkId);
        boolean result = item != null && (!parents.containsKey(linkId) || enabled(parents.get(linkId))) && own(item);
        known.put(linkId, result);
        return result;
    }

    private boolean own(QuestionnaireItemComponent item) {
        if (!item.hasEnableWhen()) {
            return true;
        }
        boolean any = item.getEnableBehavior() == EnableWhenBehavior.ANY;
        for (QuestionnaireItemEnableWhenComponent condition : item.getEnableWhen()) {
            boolean holds = holds(condition);
            if (any && holds) {
                return true;
            }
            if (!any && !holds) {
                return false;
            }
        }
        return !any;
    }

    private boolean holds(QuestionnaireItemEnableWhenComponent condition) {
        String question = condition.getQuestion();
        List<Type> given = enabled(question) ? answers.getOrDefault(question, List.of()) : List.of();
        Type value = condition.getAnswer();
        if (condition.getOperator() == null) {
            return false;
        }
        return switch (condition.getOperator()) {
            case EXISTS -> condition.hasAnswerBooleanType() && condition.getAnswerBooleanType().booleanValue() == !given.isEmpty();
            case EQUAL -> given.stream().anyMatch(a -> Answers.same(a, value));
            case NOT_EQUAL -> !given.isEmpty() && given.stream().noneMatch(a -> Answers.same(a, value));
            case GREATER_THAN -> given.stream().anyMatch(a -> Answers.compare(a, value).filter(c -> c > 0).isPresent());
            case LESS_THAN -> given.stream().anyMatch(a -> Answers.compare(a, value).filter(c -> c < 0).isPresent());
            case GREATER_OR_EQUAL -> given.stream().anyMatch(a -> Answers.compare(a, value).filter(c -> c >= 0).isPresent());
            case LESS_OR_EQUAL -> given.stream().anyMatch(a -> Answers.compare(a, value).filter(c -> c <= 0).isPresent());
            default -> false;
        };
    }
}
