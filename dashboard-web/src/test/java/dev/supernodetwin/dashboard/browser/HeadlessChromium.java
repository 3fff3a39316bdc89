package dev.supernodetwin.dashboard.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver}. Both paths are given to
 * Selenium, so Selenium Manager never runs and nothing is downloaded. The paths can be overridden with the
 * system properties {@code chromium.binary} and {@code chromedriver.binary}.
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    /**
     * Selenium looks for DevTools bindings of the browser's exact version and warns when it has none; the tests
     * use WebDriver only, so that warning is noise. Held here so that the level is not lost with the logger.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private HeadlessChromium() {
    }

    /**
     * A new browser with its own profile in {@code userDataDir} and a 1600×1000 window; chromedriver's log goes
     * to {@code driverLog}. Fails, never skips, when chromium or chromedriver is not installed.
     */
    static ChromeDriver start(Path userDataDir, Path driverLog) {
        requireInstalled();
        // A driver path in the service (and in the property Selenium reads) makes Selenium skip its manager.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir.toAbsolutePath(), "--window-size=1600,1000",
                // The page is the only tab: nothing may throttle its timers or animation frames.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        return new ChromeDriver(service, options);
    }

    /** Fails, never skips, when chromium or chromedriver is not installed. */
    static void requireInstalled() {
        requireExecutable(BROWSER, "chromium");
        requireExecutable(DRIVER, "chromedriver");
    }

    private static void requireExecutable(Path path, String what) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("the browser tests need Debian's " + what + " at " + path
                    + " and it is not there; install: apt-get install chromium chromium-driver");
        }
    }
}
