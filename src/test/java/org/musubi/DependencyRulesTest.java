package org.musubi;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiClasses;

/**
 * Dependencies that run one way (issue 40): no two files of different packages need each other, directly or around a
 * loop; the import's packages need each other one way (the format adapters use the shared lab-result mapping and
 * values, never each other in a loop); the FHIR API and the health notebook write a JAHIS file, and do all else,
 * without the importer; the shared tools on the ground floor (issue 68: printing, charts, malware scanning, CSV, the
 * small-count rule, text) depend on no feature module. Each rule is also checked against a deliberate violation ({@code org.musubi.archfixtures.dependencies}), so
 * that "a violation fails" stays proved.
 */
class DependencyRulesTest {

    private static final JavaClasses MUSUBI = MusubiClasses.production();
    private static final String FIXTURES = "org.musubi.archfixtures.dependencies";

    /**
     * No cycle of files across packages: a file (a top-level class with its nested types) of one package never needs,
     * directly or through others, a file of another package that needs it back. Files of one package may need each
     * other; they are read together. Class files keep no javadoc: a {@code {@link}} to another package that would
     * close such a loop is written as a plain name.
     */
    static ArchRule noFileCycleAcrossPackages() {
        return classes().should(new FormNoFileCycleAcrossPackages())
                .because("a file that needs another package's file which needs it back cannot be read, tested or "
                        + "moved alone (issue 40: RunImport and BatchRun, the record's doors and its store)");
    }

    @Test
    void noTwoFilesOfDifferentPackagesNeedEachOther() {
        noFileCycleAcrossPackages().check(MUSUBI);
    }

    @Test
    void aFileCycleAcrossPackagesFails() {
        JavaClasses cycle = new ClassFileImporter().importPackages(FIXTURES + ".cycle");
        assertThat(noFileCycleAcrossPackages().evaluate(cycle).hasViolation()).isTrue();
    }

    /**
     * The packages below {@code module} (each with its own sub-packages) form no loop: in {@code ingest}, the HL7 order
     * mappers and the lab-centre adapter both use the lab-result mapping ({@code ingest.results}) and the values HL7
     * and CSV send alike ({@code ingest.values}), and the lab adapter reads its HL7 files with the HL7 parser, never
     * the other way round.
     */
    static ArchRule packagesFormNoLoop(String module) {
        return slices().matching(module + ".(*)..").namingSlices("$1 of " + module).should().beFreeOfCycles()
                .because("a shared piece lives where both of its users can reach it, not in one of them (issue 40: "
                        + "the lab-result mapping once lived in the lab adapter, which the HL7 mappers needed)");
    }

    @Test
    void theImportsPackagesFormNoLoop() {
        packagesFormNoLoop("org.musubi.ingest").check(MUSUBI);
    }

    @Test
    void aLoopOfTheImportsPackagesFails() {
        JavaClasses loop = new ClassFileImporter().importPackages(FIXTURES + ".loop");
        assertThat(packagesFormNoLoop(FIXTURES + ".loop").evaluate(loop).hasViolation()).isTrue();
    }

    /**
     * {@code packages} do not depend on the import: the JAHIS お薬手帳 file the FHIR API ({@code $medication-notebook})
     * and the health notebook download is written by the medication module ({@code medication.notebook}), whose
     * format the import reads too.
     */
    static ArchRule independentOfTheImport(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAPackage("org.musubi.ingest..")
                .because("a feature that serves a person's record does not need the importer to do it (issue 40: "
                        + "the JAHIS writer once lived in ingest)");
    }

    @Test
    void theFhirApiAndTheHealthNotebookDoNotDependOnTheImport() {
        independentOfTheImport("org.musubi.fhirapi..", "org.musubi.phr..").check(MUSUBI);
    }

    @Test
    void aDownloadThroughTheImporterFails() {
        JavaClasses download = new ClassFileImporter().importPackages(FIXTURES + ".download");
        assertThat(independentOfTheImport(FIXTURES + ".download..").evaluate(download).hasViolation()).isTrue();
    }

    /** The ground floor's modules: the shared tools every feature may use, which know none of them. */
    static final String[] GROUND_FLOOR = {"org.musubi.print..", "org.musubi.charts..", "org.musubi.scan..",
            "org.musubi.smallcounts..", "org.musubi.text.."};

    /**
     * The {@code groundFloor} packages depend on nothing else of {@code root}: a tool shared by features (printing a
     * page, drawing a chart, scanning an upload) lives below all of them, so that using it never puts one feature above
     * another.
     */
    static ArchRule groundFloorDependsOnNoFeature(String root, String... groundFloor) {
        return noClasses().that().resideInAnyPackage(groundFloor)
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(DescribedPredicate.not(resideInAnyPackage(groundFloor))))
                .because("a shared tool that knows a feature drags its users above that feature (issue 68: the PDF "
                        + "renderer in phr put letters and the secretariat above the health notebook)");
    }

    @Test
    void theGroundFloorDependsOnNoFeature() {
        groundFloorDependsOnNoFeature("org.musubi", GROUND_FLOOR).check(MUSUBI);
    }

    @Test
    void aGroundFloorToolKnowingAFeatureFails() {
        String fixtures = FIXTURES + ".groundfloor";
        JavaClasses tools = new ClassFileImporter().importPackages(fixtures);
        assertThat(groundFloorDependsOnNoFeature(fixtures, fixtures + ".print..").evaluate(tools).hasViolation())
                .isTrue();
    }

    /** The files of the classes checked and what each needs, found as a whole; each loop across packages is one event. */
    private static final class FormNoFileCycleAcrossPackages extends ArchCondition<JavaClass> {

        private final Map<String, Set<String>> needs = new TreeMap<>();

        FormNoFileCycleAcrossPackages() {
            super("form no cycle of files across packages");
        }

        @Override
        public void init(Collection<JavaClass> all) {
            all.forEach(type -> needs.put(file(type), new TreeSet<>()));
            for (JavaClass type : all) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    target = target.isArray() ? target.getBaseComponentType() : target;
                    String to = file(target);
                    if (needs.containsKey(to) && !to.equals(file(type))) {
                        needs.get(file(type)).add(to);
                    }
                }
            }
        }

        @Override
        public void check(JavaClass type, ConditionEvents events) {
            // the loops are found in finish, once every file's needs are known
        }

        @Override
        public void finish(ConditionEvents events) {
            for (Set<String> loop : new Loops(needs).find()) {
                Set<String> packages = new TreeSet<>();
                loop.forEach(file -> packages.add(packageOf(file)));
                if (packages.size() < 2) {
                    continue;
                }
                List<String> across = new ArrayList<>();
                for (String from : loop) {
                    needs.get(from).stream().filter(to -> loop.contains(to) && !packageOf(to).equals(packageOf(from)))
                            .forEach(to -> across.add(from + " -> " + to));
                }
                events.add(SimpleConditionEvent.violated(loop, "files of " + packages + " need each other: "
                        + String.join(", ", across)));
            }
        }

        private static String file(JavaClass type) {
            JavaClass outer = type;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            return outer.getName();
        }

        private static String packageOf(String file) {
            return file.substring(0, file.lastIndexOf('.'));
        }
    }

    /** The strongly connected parts of a graph of more than one node (Tarjan's algorithm). */
    private static final class Loops {

        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> found = new ArrayList<>();

        Loops(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<Set<String>> find() {
            edges.keySet().forEach(node -> {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            });
            return found;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : edges.get(node)) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> part = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    part.add(member);
                } while (!member.equals(node));
                if (part.size() > 1) {
                    found.add(part);
                }
            }
        }
    }
}
