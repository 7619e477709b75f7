package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Features talk through their top-level packages (and the sub-packages they name as interfaces) only, and no two
 * depend on each other in a cycle. The same model writes the module documentation that docs/architecture.md points
 * to: one component diagram of all modules and a canvas per module (what it exposes, its Spring beans, what it
 * depends on), under {@code target/spring-modulith-docs}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Musubi.class);

    @Test
    void featuresRespectEachOthersInternals() {
        MODULES.verify();
    }

    /**
     * The shared tools stand on the ground floor (issue 68: {@code print}, {@code charts}, {@code scan}), so that the
     * modules that print, draw or scan do not stand above the health notebook or Box to reach them: neither letters,
     * the secretariat nor the surveillance depends on {@code phr}, directly or through another module, and the
     * secretariat does not depend on {@code box}.
     */
    @Test
    void lettersSecretariatAndSurveillanceStandBesideThePhrNotAboveIt() {
        for (String name : List.of("letters", "secretariat", "surveillance")) {
            ApplicationModule module = MODULES.getModuleByName(name).orElseThrow();
            assertThat(module.getAllDependencies(MODULES).containsModuleNamed("phr")).as("%s depends on phr", name)
                    .isFalse();
        }
        assertThat(MODULES.getModuleByName("secretariat").orElseThrow().getAllDependencies(MODULES)
                .containsModuleNamed("box")).as("secretariat depends on box").isFalse();
    }

    @Test
    void writesTheModuleDocumentation() throws Exception {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        assertThat(output.resolve("components.puml")).exists();
        MODULES.forEach(module -> assertThat(output.resolve("module-" + module.getIdentifier() + ".adoc"))
                .as("canvas of %s", module.getIdentifier()).exists());
        assertThat(Files.readString(output.resolve("components.puml"))).contains("\"Policy\"").contains("\"Record\"");
    }
}
