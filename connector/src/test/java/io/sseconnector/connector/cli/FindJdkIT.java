package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code .mvn/find-jdk.sh}, the JDK finder of {@code ./mvnw}, {@code bin/sse-connector} and {@code
 * .ci/run}, on a machine like a fresh one: JAVA_HOME unset, a Java 17 first on the PATH, and a JDK
 * 21+ only in a JVM folder (this test's own JDK, linked there). The folders searched are this
 * test's, through the test-only {@code SSE_FIND_JDK_DIRS}.
 */
class FindJdkIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path FINDER = ROOT.resolve(".mvn/find-jdk.sh");
    private static final Path TEST_JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    private Path java17;
    private Path jvmFolder;

    record Run(int exitCode, String stdout, String stderr) {}

    @BeforeEach
    void aFreshMachine() throws IOException {
        java17 = fakeJdk("java-17", "17.0.9");
        jvmFolder = Files.createDirectory(dir.resolve("jvm"));
        Files.createSymbolicLink(jvmFolder.resolve("java-17"), java17);
        Files.createSymbolicLink(jvmFolder.resolve("test-jdk"), TEST_JDK);
    }

    /** A Java home that says it is {@code version}: a release file, and a java and javac that say so too. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("fakes").resolve(name));
        Path bin = Files.createDirectory(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        String major = version.replaceAll("\\..*", "");
        for (String tool : List.of("java", "javac")) {
            Path script = bin.resolve(tool);
            Files.writeString(
                    script,
                    "#!/bin/sh\necho '    java.specification.version = " + major + "' >&2\n"
                            + "echo 'openjdk version \"" + version + "\"' >&2\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    /** Runs {@code command} in the repository with JAVA_HOME unset and the Java 17 first on the PATH. */
    private Run run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", java17.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not stop within 120 s: " + List.of(command));
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Sources the finder in {@code shell} and prints the JAVA_HOME it chose. */
    private Run find(String shell, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(shell));
        if (shell.equals("bash")) {
            command.add("-euo");
            command.add("pipefail");
        }
        command.addAll(
                List.of("-c", ". \"$0\"; find_jdk 21 test || exit 1; printf %s \"$JAVA_HOME\"", FINDER.toString()));
        return run(env, command.toArray(String[]::new));
    }

    private Map<String, String> searching(Path folder) {
        return Map.of("SSE_FIND_JDK_DIRS", folder + "/*");
    }

    private static int testJdkVersion() {
        return Runtime.version().feature();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void withJavaHomeUnsetAndAJava17OnThePathItPicksTheJdkInTheFolderAndSaysSo(String shell) throws Exception {
        Run run = find(shell, searching(jvmFolder));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(jvmFolder.resolve("test-jdk").toString());
        assertThat(run.stderr().lines())
                .containsExactly("test: using the JDK " + testJdkVersion() + " at " + jvmFolder.resolve("test-jdk")
                        + ", as JAVA_HOME is unset and java on the PATH (" + java17.resolve("bin/java")
                        + ") is Java 17 (set JAVA_HOME to choose)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void withNoJdk21AnywhereItSaysWhatToInstallInOneLineAndFails(String shell) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        Run run = find(shell, searching(empty));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines())
                .singleElement()
                .asString()
                .startsWith("test: needs a JDK 21 or newer and found none (JAVA_HOME is unset and java on the PATH")
                .contains("is Java 17", "install one", "set JAVA_HOME");
    }

    @Test
    void aJavaHomeThatFitsIsKeptSilently() throws Exception {
        Run run = find("sh", Map.of("JAVA_HOME", TEST_JDK.toString(), "SSE_FIND_JDK_DIRS", jvmFolder + "/*"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo(TEST_JDK.toString());
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void aJavaHomeTooOldIsReplacedByTheNewestInTheFolders() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("several"));
        Files.createSymbolicLink(folder.resolve("a"), fakeJdk("jdk-23", "23.0.1"));
        Files.createSymbolicLink(folder.resolve("b"), fakeJdk("jdk-22", "22"));
        Files.createSymbolicLink(folder.resolve("c"), java17);

        Run run = find("sh", Map.of("JAVA_HOME", java17.toString(), "SSE_FIND_JDK_DIRS", folder + "/*"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo(folder.resolve("a").toString());
        assertThat(run.stderr())
                .startsWith("test: using the JDK 23 at " + folder.resolve("a") + ", as JAVA_HOME=" + java17
                        + " is Java 17");
    }

    @Test
    void mvnwUsesTheFinder() throws Exception {
        Run found = run(searching(jvmFolder), "./mvnw", "-B", "-v");
        assertThat(found.exitCode()).as(found.stderr()).isZero();
        assertThat(found.stdout()).contains("Java version: " + testJdkVersion());
        assertThat(found.stderr()).startsWith("mvnw: using the JDK " + testJdkVersion());

        Run none = run(searching(Files.createDirectory(dir.resolve("none"))), "./mvnw", "-B", "-v");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stdout()).isEmpty();
        assertThat(none.stderr().lines()).singleElement().asString().startsWith("mvnw: needs a JDK 21 or newer");
    }

    @Test
    void binScriptUsesTheFinder() throws Exception {
        Run run = run(searching(jvmFolder), "bin/sse-connector", "--help");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("tail");
        assertThat(run.stderr().lines())
                .singleElement()
                .asString()
                .startsWith(
                        "sse-connector: using the Java " + testJdkVersion() + " at " + jvmFolder.resolve("test-jdk"));
    }
}
