package org.musubi.imaging.ai;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.musubi.registry.Administrator;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;

/**
 * The AI services and work items as the operators' page manages them: network admins only (anyone else meets services
 * that do not exist). The token is sealed on the way in and never comes back out: {@link View} has none; a blank token
 * keeps the stored one. A service made automatic starts its scan from now (studies indexed before are not sent).
 */
public final class AiAdministration {

    /** The most work items the operators' list shows. */
    public static final int LIST_LIMIT = 200;

    private final AiServices services;
    private final AiWorkItems items;
    private final AiLinks links;
    private final Clock clock;

    public AiAdministration(AiServices services, AiWorkItems items, AiLinks links, Clock clock) {
        this.services = services;
        this.items = items;
        this.links = links;
        this.clock = clock;
    }

    /** A service as a page shows it: no token. */
    public record View(long id, String name, String baseUrl, String modelName, String modelVersion,
                       List<String> modalities, String bodyPart, boolean automatic, boolean enabled) {
        static View of(AiService s) {
            return new View(s.id(), s.name(), s.baseUrl(), s.modelName(), s.modelVersion(), s.modalities(),
                    s.bodyPart(), s.automatic(), s.enabled());
        }
    }

    /** What the form sends; {@code token} blank keeps the stored one; {@code modalities} as typed ("CR, DX"). */
    public record Settings(String name, String baseUrl, String token, String modelName, String modelVersion,
                           String modalities, String bodyPart, boolean automatic, boolean enabled) {
    }

    public List<View> list(Administrator admin) {
        return admin.networkAdmin() ? services.all().stream().map(View::of).toList() : List.of();
    }

    public Optional<View> find(Administrator admin, long id) {
        return admin.networkAdmin() ? services.find(id).map(View::of) : Optional.empty();
    }

    /** The newest work items (no patient data: the study's UID, the state, the last error). */
    public List<AiWorkItem> workItems(Administrator admin) {
        return admin.networkAdmin() ? items.recent(LIST_LIMIT) : List.of();
    }

    /**
     * Registers a service ({@code id} null) or changes one; empty when the admin may not or there is no such service.
     *
     * @throws InvalidRegistration the fields to fix
     */
    public Optional<View> save(Administrator admin, Long id, Settings s) {
        Optional<AiService> existing = id == null ? Optional.empty() : services.find(id);
        if (!admin.networkAdmin() || id != null && existing.isEmpty()) {
            return Optional.empty();
        }
        List<FieldFault> faults = new ArrayList<>();
        String name = text(s.name(), 200, "name", faults);
        if (s.baseUrl() == null || !AiService.acceptableBaseUrl(s.baseUrl())) {
            faults.add(FieldFault.of("baseUrl", "imaging.ai.fault.url"));
        }
        boolean newToken = s.token() != null && !s.token().isBlank();
        if (existing.isEmpty() && !newToken || newToken && s.token().strip().length() > 500) {
            faults.add(FieldFault.of("token", "imaging.ai.fault.token"));
        }
        String model = text(s.modelName(), 200, "modelName", faults);
        String version = text(s.modelVersion(), 100, "modelVersion", faults);
        List<String> modalities = modalities(s.modalities());
        if (modalities.isEmpty() || modalities.size() > 20) {
            faults.add(FieldFault.of("modalities", "imaging.ai.fault.modalities"));
        }
        String bodyPart = s.bodyPart() == null || s.bodyPart().isBlank() ? null : s.bodyPart().strip();
        if (bodyPart != null && bodyPart.length() > 64) {
            faults.add(FieldFault.of("bodyPart", "imaging.ai.fault.bodyPart"));
        }
        if (!faults.isEmpty()) {
            throw new InvalidRegistration(faults);
        }
        String sealed = newToken ? links.seal(s.token().strip()) : null;
        Instant mark = existing.map(AiService::lastSeenIndexedAt).orElse(null);
        if (s.automatic() && mark == null) {
            mark = clock.instant();
        }
        AiService service = new AiService(id == null ? 0 : id, name, s.baseUrl().strip(), sealed, model, version,
                modalities, bodyPart, s.automatic(), s.enabled(), mark);
        if (existing.isPresent()) {
            if (!services.update(service)) {
                throw new InvalidRegistration(List.of(FieldFault.of("name", "imaging.ai.fault.nameTaken")));
            }
            return services.find(id).map(View::of);
        }
        return Optional.of(services.create(service).map(View::of).orElseThrow(() -> new InvalidRegistration(
                List.of(FieldFault.of("name", "imaging.ai.fault.nameTaken")))));
    }

    /** DICOM modality codes as typed: upper case, separated by commas or spaces, each 1 to 16 letters. */
    static List<String> modalities(String typed) {
        if (typed == null) {
            return List.of();
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String code : Arrays.stream(typed.split("[,\\s、]+")).filter(c -> !c.isBlank()).toList()) {
            String upper = code.toUpperCase(Locale.ROOT);
            if (!upper.matches("[A-Z]{1,16}")) {
                return List.of();
            }
            codes.add(upper);
        }
        return List.copyOf(codes);
    }

    private static String text(String value, int max, String field, List<FieldFault> faults) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            faults.add(FieldFault.of(field, "imaging.ai.fault." + field));
            return null;
        }
        return value.strip();
    }
}
