package org.musubi.registry.systems;

import java.time.Instant;

/** One declaration: {@code system} names patients of the facility; who declared it and when. */
public record DeclaredSystem(String system, long facilityId, long declaredBy, Instant declaredAt) {
}
