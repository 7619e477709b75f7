package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Use cases, not facades (issue 68): no class is over {@value #MAX_LINES} source lines or has more than
 * {@value #MAX_PUBLIC_METHODS} public methods, so that a feature grows by a new use case named by its act
 * ({@code SendFiles}, {@code OpenFile}) instead of by one more method on a noun class.
 *
 * <p>What is measured, for each top-level type of {@code src/main/java} (its nested types count with it):
 * <ul>
 * <li><b>source lines</b>: the lines of its {@code .java} file, as {@code wc -l} counts them (comments and imports
 * included, so that the number is the one a reader scrolls through);</li>
 * <li><b>public methods</b>: the public methods the top-level type itself declares, static or not, counted by name
 * and parameters as the compiler emits them; not counted are what the language writes or a caller never chooses —
 * synthetic and bridge methods, a record's component accessors, an enum's {@code values()} and
 * {@code valueOf(String)}, {@code equals}, {@code hashCode} and {@code toString}, and a method that implements or
 * overrides one of a supertype Musubi does not declare (a contract of the JDK or a framework: {@code HttpClient}'s,
 * {@code HttpSession}'s, {@code UserDetails}' — matched by name and number of parameters). Constructors are not
 * methods.</li>
 * </ul>
 * Left out are interfaces (the rule is about classes: a port lists the questions its adapter answers and holds no
 * act's code), configuration classes (annotated, directly or through another annotation, with Spring's
 * {@code @Configuration} or {@code @ConfigurationProperties}: wiring and settings grow with the features they wire)
 * and the adapters by role in {@code jdbc} and {@code web} packages (a statement or an endpoint a method).
 *
 * <p>One list names what breaks the rule on purpose: {@link #JUSTIFIED}, at most three exceptions with their reason;
 * a justified class that no longer breaks the rule fails the test too, so that the list only shrinks. The rule is also
 * checked against a deliberate violation ({@code org.musubi.archfixtures.size}), so that "a violation fails" stays proved.
 */
class SizeRulesTest {

    static final int MAX_LINES = 400;
    static final int MAX_PUBLIC_METHODS = 10;
    static final Path SOURCES = Path.of("src", "main", "java");
    static final Path FIXTURES = Path.of("src", "test", "java", "org", "musubi", "archfixtures", "size");

    /** At most three classes that stay over the rule for good, each with its reason. */
    static final Map<String, String> JUSTIFIED = Map.of(
            "org.musubi.carenet.catalog.DraftEditor",
            "one draft template's JSON edited in memory, a method per edit the form editor offers (a builder over one "
                    + "value: it stores, decides and audits nothing; the operators' acts on templates are the store's)");

    /** A top-level type of a source tree, with its measures. */
    record Measured(String className, long lines, Set<String> publicMethods) {

        boolean breaksTheRule() {
            return lines > MAX_LINES || publicMethods.size() > MAX_PUBLIC_METHODS;
        }

        @Override
        public String toString() {
            return className + " (" + lines + " lines, " + publicMethods.size() + " public methods)";
        }
    }

    @Test
    void noClassIsOverTheSizeRuleButTheJustified() {
        Set<String> violators = violators(SOURCES).keySet();
        Set<String> unexpected = new TreeSet<>(violators);
        unexpected.removeAll(JUSTIFIED.keySet());
        assertThat(unexpected).as("classes over %d lines or %d public methods: split them by act (issue 68); %s",
                MAX_LINES, MAX_PUBLIC_METHODS, violators(SOURCES).values()).isEmpty();
    }

    @Test
    void eachJustifiedClassStillBreaksTheRuleAndThereAreAtMostThree() {
        assertThat(JUSTIFIED).hasSizeLessThanOrEqualTo(3);
        assertThat(violators(SOURCES).keySet()).containsAll(JUSTIFIED.keySet());
    }

    @Test
    void aLongClassAndAFacadeAreFound() {
        Map<String, Measured> found = violators(FIXTURES);
        assertThat(found).containsOnlyKeys("org.musubi.archfixtures.size.LongStory",
                "org.musubi.archfixtures.size.EverythingDesk");
        assertThat(found.get("org.musubi.archfixtures.size.LongStory").lines()).isGreaterThan(MAX_LINES);
        assertThat(found.get("org.musubi.archfixtures.size.EverythingDesk").publicMethods())
                .hasSize(MAX_PUBLIC_METHODS + 1);
    }

    @Test
    void accessorsGeneratedMethodsAndLeftOutRolesAreNotCounted() {
        Map<String, Measured> all = measured(FIXTURES);
        assertThat(all.get("org.musubi.archfixtures.size.ManyComponents").publicMethods()).containsExactly("note()");
        assertThat(all.get("org.musubi.archfixtures.size.ManyConstants").publicMethods()).isEmpty();
        assertThat(all.get("org.musubi.archfixtures.size.WithinTheRule").publicMethods()).hasSize(MAX_PUBLIC_METHODS);
        assertThat(all.get("org.musubi.archfixtures.size.JdkContract").publicMethods()).containsExactly("label()");
        assertThat(all).doesNotContainKey("org.musubi.archfixtures.size.jdbc.LongAdapter");
    }

    /** The top-level types of a source tree that break the rule, by class name. */
    static Map<String, Measured> violators(Path root) {
        return measured(root).entrySet().stream().filter(entry -> entry.getValue().breaksTheRule())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Every top-level type of a source tree that the rule measures (not a left-out role), by class name. */
    static Map<String, Measured> measured(Path root) {
        Path javaRoot = SOURCES.equals(root) ? root : Path.of("src", "test", "java");
        Map<String, Measured> measured = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(SizeRulesTest::isTypeSource).toList()) {
                String className = className(javaRoot, file);
                if (inLeftOutPackage(className)) {
                    continue;
                }
                Class<?> type = load(className);
                if (type.isInterface() || isConfiguration(type)) {
                    continue;
                }
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                measured.put(className, new Measured(className, lines, publicMethods(type)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return measured;
    }

    private static boolean isTypeSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") && !name.equals("package-info.java") && !name.equals("module-info.java");
    }

    private static String className(Path javaRoot, Path file) {
        String relative = javaRoot.relativize(file).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }

    private static boolean inLeftOutPackage(String className) {
        String packageName = className.substring(0, className.lastIndexOf('.'));
        return Arrays.asList(packageName.split("\\.")).stream().anyMatch(part -> part.equals("jdbc") || part.equals("web"));
    }

    private static boolean isConfiguration(Class<?> type) {
        return AnnotatedElementUtils.hasAnnotation(type, Configuration.class)
                || AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, SizeRulesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("not compiled: " + className, e);
        }
    }

    /** Whether a supertype declared outside Musubi has a method of the same name and number of parameters. */
    private static boolean outsideContract(Class<?> type, Method method) {
        java.util.Deque<Class<?>> supertypes = new java.util.ArrayDeque<>();
        if (type.getSuperclass() != null) {
            supertypes.add(type.getSuperclass());
        }
        supertypes.addAll(Arrays.asList(type.getInterfaces()));
        while (!supertypes.isEmpty()) {
            Class<?> supertype = supertypes.poll();
            boolean musubi = supertype.getName().startsWith("org.musubi.");
            if (!musubi && supertype != Object.class && Arrays.stream(supertype.getDeclaredMethods()).anyMatch(m ->
                    m.getName().equals(method.getName()) && m.getParameterCount() == method.getParameterCount())) {
                return true;
            }
            if (supertype.getSuperclass() != null) {
                supertypes.add(supertype.getSuperclass());
            }
            supertypes.addAll(Arrays.asList(supertype.getInterfaces()));
        }
        return false;
    }

    /** The public methods the type declares, as name(parameter types), less what the language writes. */
    static Set<String> publicMethods(Class<?> type) {
        Set<String> accessors = type.isRecord()
                ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet())
                : Set.of();
        Set<String> methods = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
                continue;
            }
            String signature = method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                    .collect(Collectors.joining(", ", "(", ")"));
            boolean accessor = method.getParameterCount() == 0 && accessors.contains(method.getName());
            boolean enumMember = type.isEnum() && (signature.equals("values()") || signature.equals("valueOf(String)"));
            boolean objectMember = signature.equals("equals(Object)") || signature.equals("hashCode()")
                    || signature.equals("toString()");
            if (!accessor && !enumMember && !objectMember && !outsideContract(type, method)) {
                methods.add(signature);
            }
        }
        return methods;
    }
}
