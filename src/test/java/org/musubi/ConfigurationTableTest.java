package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * docs/configuration.md's tables are what an operator follows: every environment variable a row names sets the row's
 * property, and every setting Musubi reads is a row. An operator who copied a name from the docs must never be left
 * with a setting that silently does nothing (issue 66: {@code MUSUBI_SECRET_KEY} bound to nothing, and every node made
 * a key of its own).
 *
 * <p>Nothing here mangles names by hand: each variable is put in a {@link SystemEnvironmentPropertySource} named
 * {@code systemEnvironment}, beside Musubi's own {@code application.yml} (whose placeholders give the short names such as
 * {@code MUSUBI_DB_URL}), and Spring Boot's {@link Binder} binds the property with the type the real
 * {@code @ConfigurationProperties} record (or {@code @Value} parameter) declares — the same machinery that binds them
 * when Musubi starts. Musubi's declared settings are found by scanning its classes: the {@code @ConfigurationProperties}
 * records (their components, nested records, lists and maps), every {@code @Value("${musubi…}")} and every
 * {@code getProperty("musubi…")} in the sources.
 */
class ConfigurationTableTest {

    private static final Path DOC = Path.of("docs/configuration.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern ELLIPSIS = Pattern.compile("`…` stands for `([A-Z0-9_]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(musubi\\.[a-z0-9.\\-\\[\\]]+)(?::[^}]*)?}");
    private static final Pattern GET_PROPERTY = Pattern.compile(
            "getProperty\\(\\s*\"(musubi\\.[a-z0-9.\\-]+)\"(?:\\s*,\\s*(\\w+)\\.class)?");
    private static final Pattern VARIABLE = Pattern.compile("\\bMUSUBI_[A-Z0-9_]+");
    /** Spring's own settings that Musubi documents under a name of its own (application.yml's placeholders). */
    private static final Set<String> SPRING_PREFIXES = Set.of("server.", "logging.", "spring.");

    /** One row of a table: the property, the environment variable (null: "—", none) and the section it is in. */
    record Row(String property, String variable, String section) {
        @Override
        public String toString() {
            return property + " | " + variable + " (" + section + ")";
        }
    }

    /** A setting Musubi declares: its name and its Java type as declared; {@code map} for a map of settings. */
    record Declared(String name, ResolvableType type, boolean map, String where) {
    }

    @Test
    void everyEnvironmentVariableOfTheTablesSetsItsProperty() throws IOException {
        Map<String, Declared> declared = declared();
        List<Row> rows = rows(Files.readString(DOC));
        assertThat(rows).as("rows parsed from " + DOC).hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            if (row.variable() == null) {
                continue;
            }
            String failure = bindingFailure(row, declared);
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertThat(failures).as("rows of " + DOC + " whose environment variable does not set the property").isEmpty();
    }

    @Test
    void everySettingMusubiReadsIsARowOfTheTables() throws IOException {
        List<Row> rows = rows(Files.readString(DOC));
        Set<String> missing = new TreeSet<>();
        for (Declared setting : declared().values()) {
            boolean documented = rows.stream().anyMatch(row -> setting.map()
                    ? row.property().startsWith(setting.name() + "[") || row.property().startsWith(setting.name() + ".")
                    : row.property().equals(setting.name()));
            if (!documented) {
                missing.add(setting.name() + " (" + setting.where() + ")");
            }
        }
        assertThat(missing).as("settings Musubi reads that " + DOC + " has no row for").isEmpty();
    }

    @Test
    void everyMusubiVariableTheDocsNameIsOneTheTablesList() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> known = new LinkedHashSet<>();
        rows(doc).stream().map(Row::variable).filter(Objects::nonNull).forEach(known::add);
        known.addAll(variablesOfTheTableWithoutProperties(doc));
        Matcher prefixes = ELLIPSIS.matcher(doc);
        while (prefixes.find()) {
            known.add(prefixes.group(1));
        }
        known.add("MUSUBI_SESSION"); // the session cookie's name (the login section says so), not a variable
        Map<String, Set<String>> unknown = new TreeMap<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            pages = new ArrayList<>(files.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        pages.add(Path.of("README.md"));
        for (Path page : pages) {
            Matcher names = VARIABLE.matcher(Files.readString(page));
            while (names.find()) {
                if (!known.contains(names.group())) {
                    unknown.computeIfAbsent(names.group(), n -> new TreeSet<>()).add(page.toString());
                }
            }
        }
        assertThat(unknown).as("MUSUBI_ names in the docs that no row of " + DOC + " gives (a name nothing binds?)")
                .isEmpty();
    }

    @Test
    void theTableReaderTakesAlternativesAbbreviationsAndNoVariable() {
        List<Row> rows = rows("""
                ## One (`musubi.one`)

                | property | environment variable | default | meaning |
                |---|---|---|---|
                | `musubi.one.a-b` | `MUSUBI_ONE_AB` | `1` | a \\| b |
                | `musubi.one.list[0].name` / `.name-en` | `…_NAME`, `…_NAMEEN` | x | y |
                | `musubi.one.store` / `-password` | `…_STORE`, `…_STOREPASSWORD` | x | y |
                | `musubi.one.map[NAME]` | — | x | y |

                `…` stands for `MUSUBI_ONE_LIST_0`.

                ## Two

                | property | environment | default | meaning |
                |---|---|---|---|
                | `server.port` | `MUSUBI_PORT` | `8080` | z |
                """);
        assertThat(rows).extracting(Row::toString).containsExactly(
                "musubi.one.a-b | MUSUBI_ONE_AB (One (`musubi.one`))",
                "musubi.one.list[0].name | MUSUBI_ONE_LIST_0_NAME (One (`musubi.one`))",
                "musubi.one.list[0].name-en | MUSUBI_ONE_LIST_0_NAMEEN (One (`musubi.one`))",
                "musubi.one.store | MUSUBI_ONE_LIST_0_STORE (One (`musubi.one`))",
                "musubi.one.store-password | MUSUBI_ONE_LIST_0_STOREPASSWORD (One (`musubi.one`))",
                "musubi.one.map[NAME] | null (One (`musubi.one`))",
                "server.port | MUSUBI_PORT (Two)");
    }

    @Test
    void aNameSpringDoesNotBindIsCaught() throws IOException {
        Map<String, Declared> declared = declared();
        assertThat(bindingFailure(new Row("musubi.security.lock-duration", "MUSUBI_SECURITY_LOCKDURATION", "t"), declared))
                .as("the relaxed name binds").isNull();
        assertThat(bindingFailure(new Row("musubi.security.lock-duration", "MUSUBI_LOCK_DURATION", "t"), declared))
                .as("a name of one's own binds nothing").contains("MUSUBI_LOCK_DURATION=17s does not set");
        assertThat(bindingFailure(new Row("musubi.security.lock-duration", "MUSUBI_SECURITY_IPWINDOW", "t"), declared))
                .as("another property's name").contains("does not set");
        assertThat(bindingFailure(new Row("musubi.security.no-such-thing", "MUSUBI_SECURITY_NOSUCHTHING", "t"), declared))
                .as("a row about nothing Musubi reads").contains("nothing declares");
        assertThat(declared).as("settings found by the scan").containsKeys("musubi.security.secret-key",
                "musubi.security.oidc.providers[0].client-id", "musubi.database.embedded.data-directory",
                "musubi.research.k-threshold", "musubi.orca.schedule");
        assertThat(declared.get("musubi.policy.matrix").map()).isTrue();
    }

    // ---- binding ---------------------------------------------------------------------------------------------------

    /** Why {@code row}'s variable does not set its property, or null when it does. */
    private static String bindingFailure(Row row, Map<String, Declared> declared) throws IOException {
        Declared setting = declared.get(row.property());
        ResolvableType type;
        if (setting != null) {
            type = setting.type();
        } else if (SPRING_PREFIXES.stream().anyMatch(row.property()::startsWith)) {
            type = ResolvableType.forClass(String.class);
        } else {
            return row + ": nothing declares " + row.property();
        }
        String value = sample(type, row);
        Object expected = bind(row.property(), type, new MapPropertySource("arguments", Map.of(row.property(), value)));
        Object fromVariable = bind(row.property(), type,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(row.variable(), value)));
        Object without = bind(row.property(), type, new MapPropertySource("nothing", Map.of()));
        if (expected == null || !expected.equals(fromVariable) || expected.equals(without)) {
            return row + ": " + row.variable() + "=" + value + " does not set " + row.property() + " (bound " + fromVariable
                    + ", expected " + expected + ")";
        }
        return null;
    }

    /** {@code name} bound as {@code type} from {@code first} and Musubi's application.yml, as Musubi binds it at start. */
    private static Object bind(String name, ResolvableType type, PropertySource<?> first) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(first);
        for (PropertySource<?> yml : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(yml);
        }
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind(name, Bindable.of(type)).orElse(null);
    }

    /** A value of {@code type} that no default has, written as an operator would write it. */
    private static String sample(ResolvableType type, Row row) {
        Class<?> raw = type.resolve(Object.class);
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            ResolvableType element = type.getGeneric(0);
            String one = sample(element, row);
            Class<?> elementClass = element.resolve(Object.class);
            return elementClass.isEnum() ? one : one + "," + one + "-2";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "7";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true";
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1].toString().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return switch (raw.getSimpleName()) {
            case "Duration" -> "17s";
            case "DataSize" -> "3MB";
            case "Path" -> "/srv/env/" + row.variable().toLowerCase(Locale.ROOT);
            case "ZoneId" -> "Europe/Lisbon";
            case "URI" -> "https://env.example.jp/" + row.variable().toLowerCase(Locale.ROOT);
            case "String" -> "from-" + row.variable().toLowerCase(Locale.ROOT);
            default -> throw new IllegalStateException(row + ": no sample value for " + type);
        };
    }

    // ---- the docs --------------------------------------------------------------------------------------------------

    /** The rows of every table whose first column is "property" and second an environment variable. */
    static List<Row> rows(String doc) {
        List<Row> rows = new ArrayList<>();
        String section = "";
        String[] lines = doc.split("\n");
        boolean inTable = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                inTable = false;
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|", -1);
            if (cells.length < 4) {
                continue;
            }
            if (cells[1].strip().equals("property") && cells[2].strip().startsWith("environment")) {
                inTable = true;
                continue;
            }
            if (!inTable || cells[1].strip().startsWith("---")) {
                continue;
            }
            rows.addAll(row(cells[1], cells[2], section, ellipsis(lines, i)));
        }
        return rows;
    }

    private static List<Row> row(String propertyCell, String variableCell, String section, String ellipsis) {
        List<String> properties = new ArrayList<>();
        for (String code : codes(propertyCell)) {
            if (properties.isEmpty()) {
                properties.add(code);
            } else if (code.startsWith(".")) {
                String first = properties.getFirst();
                properties.add(first.substring(0, first.lastIndexOf('.')) + code);
            } else if (code.startsWith("-")) {
                properties.add(properties.getFirst() + code);
            } else {
                properties.add(code);
            }
        }
        List<String> variables = codes(variableCell).stream()
                .map(v -> v.startsWith("…") ? ellipsis + v.substring(1) : v).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            String variable = variables.isEmpty() ? null : variables.get(i);
            rows.add(new Row(properties.get(i), variable, section));
        }
        if (!variables.isEmpty() && variables.size() != properties.size()) {
            throw new IllegalStateException("a row names " + properties + " but " + variables);
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    /** What {@code …} stands for in the section of line {@code at}: the section's "`…` stands for `X`". */
    private static String ellipsis(String[] lines, int at) {
        int start = at;
        while (start > 0 && !lines[start].startsWith("## ")) {
            start--;
        }
        for (int i = start + 1; i < lines.length && !lines[i].startsWith("## "); i++) {
            Matcher defined = ELLIPSIS.matcher(lines[i]);
            if (defined.find()) {
                return defined.group(1);
            }
        }
        return "…";
    }

    /** The variables of tables with no property column (the backup key): read by the commands themselves. */
    private static Set<String> variablesOfTheTableWithoutProperties(String doc) {
        Set<String> variables = new LinkedHashSet<>();
        boolean inTable = false;
        for (String line : doc.split("\n")) {
            if (line.startsWith("| environment variable |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|")) {
                String[] cells = line.split("\\|", -1);
                codes(cells[1]).forEach(variables::add);
            } else {
                inTable = false;
            }
        }
        return variables;
    }

    // ---- what Musubi declares ------------------------------------------------------------------------------------

    /** Every setting Musubi reads, by name. */
    static Map<String, Declared> declared() throws IOException {
        Map<String, Declared> all = new LinkedHashMap<>();
        for (Class<?> type : classes(true)) {
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            components(prefix, type, type.getSimpleName(), all);
        }
        for (Class<?> type : classes(false)) {
            for (AnnotatedElement element : annotated(type)) {
                Value value = element.getAnnotation(Value.class);
                if (value != null) {
                    Matcher names = PLACEHOLDER.matcher(value.value());
                    while (names.find()) {
                        all.putIfAbsent(names.group(1), new Declared(names.group(1), typeOf(element), false,
                                "@Value in " + type.getSimpleName()));
                    }
                }
            }
        }
        Matcher inYml = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        while (inYml.find()) {
            all.putIfAbsent(inYml.group(1), new Declared(inYml.group(1), ResolvableType.forClass(String.class), false,
                    "application.yml"));
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher reads = GET_PROPERTY.matcher(Files.readString(source));
                while (reads.find()) {
                    Class<?> raw = reads.group(2) == null ? String.class : switch (reads.group(2)) {
                        case "Boolean" -> Boolean.class;
                        case "Integer" -> Integer.class;
                        case "Long" -> Long.class;
                        default -> String.class;
                    };
                    all.putIfAbsent(reads.group(1), new Declared(reads.group(1), ResolvableType.forClass(raw), false,
                            "getProperty in " + source.getFileName()));
                }
            }
        }
        return all;
    }

    private static void components(String prefix, Class<?> type, String where, Map<String, Declared> into) {
        if (!type.isRecord()) {
            throw new IllegalStateException(where + ": Musubi's settings are records; teach this test another kind");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
            ResolvableType componentType = ResolvableType.forType(component.getGenericType());
            Class<?> raw = componentType.resolve(Object.class);
            if (raw.isRecord() && raw.getPackageName().startsWith("org.musubi")) {
                components(name, raw, where, into);
            } else if (List.class.isAssignableFrom(raw) && componentType.getGeneric(0).resolve(Object.class).isRecord()) {
                components(name + "[0]", componentType.getGeneric(0).resolve(), where, into);
            } else {
                into.putIfAbsent(name, new Declared(name, componentType, Map.class.isAssignableFrom(raw), where));
            }
        }
    }

    private static List<Class<?>> classes(boolean configurationProperties) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(configurationProperties ? new AnnotationTypeFilter(ConfigurationProperties.class)
                : (reader, factory) -> true);
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.musubi")) {
            Class<?> type;
            try {
                type = Class.forName(definition.getBeanClassName(), false, ConfigurationTableTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(definition.getBeanClassName(), e);
            }
            // Musubi's own classes only, not the tests' (whose settings, such as musubi.it.dir, are the build's)
            if (!type.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("/test-classes/")) {
                classes.add(type);
            }
        }
        return classes;
    }

    private static List<AnnotatedElement> annotated(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(List.<Executable>of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable executable : executables) {
            elements.addAll(List.of(executable.getParameters()));
        }
        return elements;
    }

    private static ResolvableType typeOf(AnnotatedElement element) {
        return switch (element) {
            case Field field -> ResolvableType.forField(field);
            case Parameter parameter -> parameter.getDeclaringExecutable() instanceof Constructor<?> constructor
                    ? ResolvableType.forConstructorParameter(constructor, index(parameter))
                    : ResolvableType.forMethodParameter((Method) parameter.getDeclaringExecutable(), index(parameter));
            default -> throw new IllegalStateException("@Value on " + element);
        };
    }

    private static int index(Parameter parameter) {
        return List.of(parameter.getDeclaringExecutable().getParameters()).indexOf(parameter);
    }
}
