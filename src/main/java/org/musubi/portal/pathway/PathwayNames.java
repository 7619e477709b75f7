package org.musubi.portal.pathway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.carenet.enrolment.Enrolment;
import org.musubi.carenet.enrolment.Pathways;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.Stage;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.springframework.stereotype.Component;

/** What the pathway pages show by name: facilities, users, templates and stages (no patient data). */
@Component
class PathwayNames {

    private final Facilities facilities;
    private final Users users;
    private final Pathways pathways;

    PathwayNames(Facilities facilities, Users users, Pathways pathways) {
        this.facilities = facilities;
        this.users = users;
        this.pathways = pathways;
    }

    public String facility(Long id) {
        return id == null ? "" : facilities.find(id).map(Facility::nameKanji).orElse("#" + id);
    }

    public String user(Long id) {
        return id == null ? "" : users.find(id).map(User::nameKanji).orElse("#" + id);
    }

    /** The template version of each enrolment, by enrolment id. */
    Map<String, PathwayTemplate> templates(List<Enrolment> enrolments) {
        Map<String, PathwayTemplate> templates = new HashMap<>();
        enrolments.forEach(e -> pathways.templateOf(e).ifPresent(t -> templates.put(e.id().toString(), t)));
        return templates;
    }

    /** A stage's Japanese title in its template (its code when the template has no such stage). */
    public String stage(PathwayTemplate template, String code) {
        return template == null ? code : template.stage(code).map(Stage::title).map(t -> t.ja()).orElse(code);
    }
}
