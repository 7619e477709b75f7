package org.musubi.pathway;

import java.util.List;
import java.util.Optional;

/**
 * A regional clinical pathway's template (地域連携パスの様式): its code (stroke, dementia …), version, title and stages
 * in the order a patient goes through them. Data, not code: read from a template JSON by {@link PathwayTemplates}.
 */
public record PathwayTemplate(String code, String version, Bilingual title, List<Stage> stages) {

    public PathwayTemplate {
        stages = List.copyOf(stages);
    }

    /** The stage of this code, if the template has one. */
    public Optional<Stage> stage(String stageCode) {
        return stages.stream().filter(s -> s.code().equals(stageCode)).findFirst();
    }
}
