package dev.supernodetwin.dashboard.browser;

import dev.supernodetwin.app.TwinCli;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.supernodetwin.dashboard.browser.LiveDemoPage.encode;
import static dev.supernodetwin.dashboard.browser.LiveDemoPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data carrying markup stays text in real Chromium: a supernode whose first GPU's id is an HTML payload
 * (device ids allow {@code <}, {@code >}, {@code =} and spaces; only {@code #} is reserved) and an
 * acknowledgement whose name is a script. The page shows both literally; no element is injected and no
 * payload runs ({@code window.__xss} stays undefined).
 */
class ScriptInDataBrowserIT {
    /** Becomes the id of the first GPU, and through it of its engines and their lanes. */
    static final String DEVICE = "sn01/t01/<img src=x onerror=window.__xss=1>";
    static final String ACK_BY = "<script>window.__xss=2</script><img src=y onerror=window.__xss=3>";

    /** Written before the demo starts: the cpo-72 preset with the first GPU renamed to {@link #DEVICE}. */
    static final Path TOPOLOGY = topologyWithPayload();

    @RegisterExtension
    static final LiveDemoPage page = new LiveDemoPage("--topology", TOPOLOGY.toString(), "--period", "1s");

    @Test
    void markupInIdsAndNamesShowsAsTextAndNeverRuns() {
        String laser = laserLighting(DEVICE + "/oe0");
        assertThat(page.post("/api/demo/faults", new JsonObject().put("fault", "F3").put("target", laser)
                .put("duration", "30m")).statusCode()).isEqualTo(202);
        JsonObject alert = page.await("an alert affecting " + DEVICE + " fires", d -> firingAffecting(DEVICE));
        HttpResponse<String> ack = page.post("/api/alerts/ack", new JsonObject().put("id", alert.getString("id"))
                .put("by", ACK_BY));
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);

        page.open("#/alerts");
        String row = "[data-testid='alert-row'][data-alert-id='" + alert.getString("id").replace("'", "\\'") + "']";
        String rowText = page.await("the alert row lists the affected lanes and the acknowledgement",
                d -> page.<String>js("const r = document.querySelector(arguments[0]);"
                        + " return r && r.textContent.includes(arguments[1]) && r.textContent.includes(arguments[2])"
                        + " ? r.textContent : null;", row, DEVICE + "/oe0#", "acknowledged by " + ACK_BY));
        page.screenshot("alerts");
        assertThat(rowText).contains(DEVICE).contains(ACK_BY);
        assertNothingInjected();

        page.open("#/overview");
        page.await("the overview table shows the GPU with the payload id", d -> page.<Boolean>js(
                "return [...document.querySelectorAll(\"[data-testid='overview-value']\")]"
                        + ".some(e => e.getAttribute('data-id') === arguments[0]);", DEVICE));
        assertNothingInjected();

        page.open("#/device?id=" + encode(DEVICE));
        page.await("the device view names the device literally", d -> d.findElement(testId("device-detail"))
                .getText().contains(DEVICE));
        page.screenshot("device");
        assertNothingInjected();
    }

    private static void assertNothingInjected() {
        assertThat(page.<Object>js("return window.__xss;")).as("window.__xss").isNull();
        assertThat(page.<Long>js("return document.querySelectorAll('img').length;")).as("img elements").isZero();
        assertThat(page.<Long>js("return document.querySelectorAll('script').length;")).as("script elements")
                .isEqualTo(1L);
        assertThat(page.<Long>js("return document.querySelectorAll('[onerror]').length;")).isZero();
    }

    /** The laser feeding lane 0 of {@code engine}, from the device's sensors. */
    private static String laserLighting(String engine) {
        JsonArray sensors = page.api("/api/device?id=" + encode(engine)).getJsonArray("sensors");
        for (int i = 0; i < sensors.size(); i++) {
            JsonObject s = sensors.getJsonObject(i);
            if (s.getString("laser") != null) {
                return s.getString("laser");
            }
        }
        throw new AssertionError(engine + " names no laser: " + sensors);
    }

    private static JsonObject firingAffecting(String device) {
        JsonArray firing = page.api("/api/alerts").getJsonArray("firing");
        for (int i = 0; i < firing.size(); i++) {
            JsonObject a = firing.getJsonObject(i);
            if (a.getJsonArray("affected").stream().anyMatch(id -> String.valueOf(id).startsWith(device + "/"))) {
                return a;
            }
        }
        return null;
    }

    private static Path topologyWithPayload() {
        try {
            Path dir = Files.createTempDirectory("script-in-data-");
            Path preset = dir.resolve("cpo-72.yaml");
            Path out = dir.resolve("payload.yaml");
            // Removed in reverse order when the JVM exits: the files, then their folder.
            dir.toFile().deleteOnExit();
            preset.toFile().deleteOnExit();
            out.toFile().deleteOnExit();
            int status = TwinCli.commandLine().execute("topology", "export", "--preset", "cpo-72", "--format", "yaml",
                    "-o", preset.toString());
            assertThat(status).isZero();
            // A plain YAML scalar holds the payload as it is: it has no ': ', ' #' or ','.
            Files.writeString(out, Files.readString(preset).replace("sn01/t01/gpu0", DEVICE));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
