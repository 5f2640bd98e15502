package dev.apigw.lambda.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code java} launcher of a given feature release (17, 21) for the {@code java17}/{@code java21}
 * runtimes: the JDK apigw runs on when it is that release, else {@code JAVA<n>_HOME}, else a JDK under
 * {@code /usr/lib/jvm} whose {@code release} file says so.
 */
final class JavaInstallations {
    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private JavaInstallations() {}

    static Optional<Path> javaLauncher(int feature) {
        if (Runtime.version().feature() == feature) {
            return Optional.of(launcherIn(Path.of(System.getProperty("java.home"))));
        }
        List<Path> candidates = new ArrayList<>();
        String home = System.getenv("JAVA" + feature + "_HOME");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home));
        }
        candidates.addAll(systemJvms());
        return candidates.stream()
                .filter(candidate -> featureOf(candidate) == feature)
                .map(JavaInstallations::launcherIn)
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Path currentLauncher() {
        return launcherIn(Path.of(System.getProperty("java.home")));
    }

    private static Path launcherIn(Path javaHome) {
        return javaHome.resolve("bin").resolve("java");
    }

    private static List<Path> systemJvms() {
        List<Path> homes = new ArrayList<>();
        if (!Files.isDirectory(SYSTEM_JVMS)) {
            return homes;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(SYSTEM_JVMS)) {
            entries.forEach(homes::add);
        } catch (IOException e) {
            return homes; // unreadable: as if there were none
        }
        homes.sort(null);
        return homes;
    }

    private static int featureOf(Path javaHome) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
