package org.musubi.policy;

import java.util.List;
import java.util.Objects;

/**
 * What one interaction with a person's record did, as reported to {@link PersonAccess#interact}: its
 * value, the decision that governed it (a permit, or the deny that refused it) and the ids of the
 * resources it showed or changed. {@code PersonAccess} writes the interaction's one audit row from it.
 */
public record Interaction<T>(T value, Decision decision, List<String> resourceIds) {

    public Interaction {
        Objects.requireNonNull(decision, "decision");
        resourceIds = resourceIds == null ? List.of() : List.copyOf(resourceIds);
    }

    public static <T> Interaction<T> permitted(T value, Decision permit, List<String> resourceIds) {
        return new Interaction<>(value, permit, resourceIds);
    }

    public static <T> Interaction<T> refused(Decision deny, List<String> resourceIds) {
        return new Interaction<>(null, deny, resourceIds);
    }

    public boolean permitted() {
        return decision.permitted();
    }
}
