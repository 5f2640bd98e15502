package dev.apigw.emulator.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven by Selenium through the system's ChromeDriver (Debian's {@code chromium}
 * and {@code chromium-driver}). Both paths are given to Selenium, so Selenium Manager never runs and nothing is
 * downloaded. {@code CHROME_BIN} and {@code CHROMEDRIVER} point elsewhere.
 */
final class Chromium implements AutoCloseable {
    /** Long enough for a slow CI machine, short enough that a broken page fails quickly. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Selenium warns that no DevTools (CDP) module matches the browser's version; the tests use WebDriver only, so
     * that warning is noise. Held here: java.util.logging keeps loggers weakly.
     */
    private static final Logger CDP_LOG = quiet("org.openqa.selenium.devtools");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Chromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /**
     * A new headless browser with its own profile in {@code profile}. Without Chromium the calling test is skipped
     * (aborted), except on CI, where {@code .ci/run} installs it, so its absence fails the test.
     */
    static Chromium launch(Path profile) {
        Path browser = configured("CHROME_BIN", BROWSER);
        Path driverExecutable = configured("CHROMEDRIVER", DRIVER);
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(browser)) {
            missing.add(browser.toString());
        }
        if (!Files.isExecutable(driverExecutable)) {
            missing.add(driverExecutable.toString());
        }
        if (!missing.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("no Chromium (" + String.join(", ", missing) + " missing) on CI: .ci/run should have installed"
                        + " it; check its apt-get output, or set CHROME_BIN and CHROMEDRIVER");
            }
            Assumptions.abort("no Chromium (" + String.join(", ", missing) + " missing): apt-get install chromium"
                    + " chromium-driver to run the dashboard browser test");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverExecutable.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new Chromium(service, new ChromeDriver(service, options(browser, profile)));
        } catch (WebDriverException e) {
            service.stop();
            throw e;
        }
    }

    private static ChromeOptions options(Path browser, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // Quiet and self-contained: no sandbox (containers), no GPU, no calls home, a fresh throwaway profile.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        return options;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static Path configured(String variable, Path fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    WebDriver driver() {
        return driver;
    }

    /** The condition's first non-null, non-false value, waiting at most {@link #WAIT}; {@code what} names it. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).until(condition::apply);
    }

    /** The page's console errors (uncaught exceptions, failed loads) since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** A PNG of the window, for a person to look at the layout (CI keeps target/). */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("the screenshot could not be written to " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
