package dev.supernodetwin.dashboard.browser;

import dev.supernodetwin.app.run.TwinProcess;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@code twin demo} process and a headless Chromium showing its live page, shared by the tests of one
 * class ({@code @RegisterExtension static}). The demo runs from the packaged jar as a separate process and is
 * stopped by its PID after the class; the browser gets a fresh profile. Screenshots, the demo's output and
 * the browser console go to {@code target/browser-screenshots/<Test>-*}; a failing test leaves a screenshot
 * {@code <Test>-<method>-failure.png}.
 */
final class LiveDemoPage implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    static final Path ARTEFACTS = Path.of("target", "browser-screenshots");
    /** Generous: the machine is small and shared, and a demo detects faults on its own clock. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String[] demoArgs;
    private String test;
    private Path profile;
    private TwinProcess demo;
    private ChromeDriver driver;

    /** @param demoArgs arguments after {@code twin demo --port 0}, e.g. {@code --preset oio-1024} */
    LiveDemoPage(String... demoArgs) {
        this.demoArgs = demoArgs.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        test = context.getRequiredTestClass().getSimpleName();
        HeadlessChromium.requireInstalled();
        Files.createDirectories(ARTEFACTS);
        deleteArtefactsOf(test);
        startDemo(withStateDir(demoArgs));
        profile = Files.createTempDirectory("chromium-" + test + "-");
        driver = HeadlessChromium.start(profile, ARTEFACTS.resolve(test + "-chromedriver.log"));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (driver != null) {
                saveConsole();
                driver.quit();
            }
        } finally {
            stopDemo();
            if (profile != null) {
                deleteTree(profile);
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            screenshot(context.getRequiredTestMethod().getName() + "-failure");
            saveConsole();
        }
    }

    /** Each class's demo keeps silences and acks in its own folder under target, not in a shared ./twin-state. */
    private String[] withStateDir(String[] args) {
        if (java.util.Arrays.asList(args).contains("--state-dir")) {
            return args;
        }
        String[] out = java.util.Arrays.copyOf(args, args.length + 2);
        out[args.length] = "--state-dir";
        out[args.length + 1] = Path.of("target", "browser-state-" + test + "-" + System.nanoTime()).toString();
        return out;
    }

    private void startDemo(String... args) throws IOException, InterruptedException {
        Path log = ARTEFACTS.resolve(test + "-demo.log");
        demo = TwinProcess.demo(log, PATIENCE, args);
        System.out.printf("%s: demo pid %d serves %s (%s)%n", test, demo.pid(), demo.base(), String.join(" ", args));
    }

    private void stopDemo() throws InterruptedException {
        if (demo != null) {
            System.out.printf("%s: stopping demo pid %d%n", test, demo.pid());
            demo.close();
            demo = null;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads the page at a hash route such as {@code #/overview}. */
    void open(String route) {
        driver.get(demo.base().resolve("/") + route);
    }

    /** The element with {@code data-testid=ID}. */
    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** Waits up to {@link #PATIENCE} until {@code condition} gives a value that is neither null nor false. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, PATIENCE, condition);
    }

    <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "waiting until " + what)
                .until(condition);
    }

    @SuppressWarnings("unchecked")
    <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    <T> T jsAsync(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves what the browser shows now as {@code <Test>-<step>.png}. */
    Path screenshot(String step) {
        Path file = ARTEFACTS.resolve(test + "-" + step + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code GET path} on the demo's API; fails unless it answers 200 with a JSON object. */
    JsonObject api(String pathAndQuery) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return new JsonObject(r.body());
    }

    /** {@code POST path} with a JSON body on the demo's API. */
    HttpResponse<String> post(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    /** A value for a query parameter or a hash-route parameter. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String pathAndQuery) {
        return demo.base().resolve(pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void saveConsole() {
        try {
            List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
            String text = entries.stream().map(LogEntry::toString).collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(ARTEFACTS.resolve(test + "-console.log"), text,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (RuntimeException | IOException e) {
            System.out.printf("%s: browser console not saved: %s%n", test, e);
        }
    }

    /** Screenshots and logs of an earlier run, so that what is left describes this one. */
    private static void deleteArtefactsOf(String test) throws IOException {
        try (Stream<Path> files = Files.list(ARTEFACTS)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(test + "-")).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
