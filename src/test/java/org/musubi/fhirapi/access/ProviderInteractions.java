package org.musubi.fhirapi.access;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.musubi.record.fhir.ResourceKind;
import org.springframework.objenesis.ObjenesisStd;

/**
 * Every interaction the FHIR API's HAPI providers serve, found by reflection over their annotated methods (so a
 * method added tomorrow is found too), each as the CapabilityStatement names it: a resource type ({@code null} for
 * the whole server) and {@code read}, {@code vread}, {@code search-type} … or {@code $operation}.
 */
final class ProviderInteractions {

    /** One interaction of one provider method. */
    record Served(String type, String interaction, String method) {
    }

    private ProviderInteractions() {
    }

    static List<Served> all() {
        List<Served> served = new ArrayList<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.musubi.fhirapi").forEach(c -> {
                    Class<?> type = c.reflect();
                    for (Method method : type.getDeclaredMethods()) {
                        served.addAll(of(type, method));
                    }
                });
        return served;
    }

    private static List<Served> of(Class<?> provider, Method method) {
        List<Served> served = new ArrayList<>();
        for (Annotation annotation : method.getAnnotations()) {
            if (!annotation.annotationType().getPackageName().equals("ca.uhn.fhir.rest.annotation")) {
                continue;
            }
            List<String> interactions = interactions(annotation, method);
            for (String type : types(provider, annotation)) {
                interactions.forEach(i -> served.add(new Served(type, i, provider.getSimpleName() + "." + method.getName())));
            }
        }
        return served;
    }

    private static List<String> interactions(Annotation annotation, Method method) {
        return switch (annotation) {
            case Read read -> read.version() ? List.of("read", "vread") : List.of("read");
            case Search ignored -> List.of("search-type");
            case Create ignored -> List.of("create");
            case Update ignored -> List.of("update");
            case Delete ignored -> List.of("delete");
            case History ignored -> List.of(Arrays.stream(method.getParameters())
                    .anyMatch(p -> p.isAnnotationPresent(IdParam.class)) ? "history-instance" : "history-type");
            case Operation operation -> List.of(operation.name().startsWith("$") ? operation.name() : "$" + operation.name());
            case Transaction ignored -> List.of("transaction", "batch");
            default -> List.of("(no rule for @" + annotation.annotationType().getSimpleName() + ")");
        };
    }

    /** The types a provider method serves: its provider's type, an operation's own type, or the whole server. */
    private static List<String> types(Class<?> provider, Annotation annotation) {
        if (annotation instanceof Operation operation && operation.type() != IBaseResource.class) {
            return List.of(operation.type().getSimpleName());
        }
        if (!IResourceProvider.class.isAssignableFrom(provider)) {
            return Collections.singletonList(null);
        }
        var resourceType = ((IResourceProvider) new ObjenesisStd().newInstance(provider)).getResourceType();
        if (resourceType != null) {
            return List.of(resourceType.getSimpleName());
        }
        // one provider class for every record type (RecordResourceProvider): as FhirProviders serves it
        return ResourceKind.types().stream().filter(t -> !t.equals("Patient") && !t.equals("Binary")).sorted().toList();
    }
}
