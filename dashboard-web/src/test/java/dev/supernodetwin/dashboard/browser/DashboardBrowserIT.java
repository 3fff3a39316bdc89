package dev.supernodetwin.dashboard.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.supernodetwin.dashboard.browser.LiveDemoPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live page of {@code twin demo} (the default supernode) in headless Chromium: values move on screen, an
 * injected fault becomes an alert that names its root cause and highlights what it affects, a laser's blast
 * radius is exactly the lanes it lights, a device drill-down draws a chart, and the fleet view lists the
 * supernode.
 */
class DashboardBrowserIT {
    private static final Pattern NUMBER = Pattern.compile("[0-9]");

    @RegisterExtension
    static final LiveDemoPage page = new LiveDemoPage();

    @Test
    void liveValuesChangeOnScreen() {
        page.open("#/overview");
        page.await("the stream is live and the header shows its first frames", d -> text("conn").equals("live")
                && NUMBER.matcher(text("event-time")).find() && NUMBER.matcher(text("frames")).find());
        String time = text("event-time");
        String frames = text("frames");
        Map<String, String> values = page.await("the overview shows GPU values", d -> nonEmpty(overviewValues()));
        page.screenshot("live-before");

        page.await("event time and frames move on from " + time + " / " + frames,
                d -> !text("event-time").equals(time) && !text("frames").equals(frames));
        page.await("a GPU value on screen changes", d -> changed(values, overviewValues()));
        page.screenshot("live-after");

        assertThat(text("conn")).isEqualTo("live");
    }

    @Test
    void anInjectedDeadLaserRaisesAnAlertNamingItAndClickingItHighlightsWhatItAffects() {
        JsonObject topology = page.api("/api/topology");
        String laser = laserAt(topology, 2);
        inject(laser);
        page.open("#/alerts");
        JsonObject alert = page.await("an alert with root cause " + laser + " is served and its row names it",
                d -> firingAlertRootedAt(laser).filter(a -> rowNamesRootCause(a.getString("id"), laser)).orElse(null));
        String alertId = alert.getString("id");
        page.screenshot("alert-raised");

        Set<String> expected = new TreeSet<>();
        expected.add(laser);
        alert.getJsonArray("affected").forEach(a -> expected.add((String) a));

        page.driver().findElement(By.cssSelector(alertRowSelector(alertId))).click();
        Set<String> highlighted = page.await("the highlight lists the alert's root cause and affected set " + expected,
                d -> Optional.of(highlightList()).filter(expected::equals).orElse(null));
        page.screenshot("alert-highlighted");
        assertThat(highlighted).containsExactlyInAnyOrderElementsOf(expected);

        page.driver().findElement(testId("nav-overview")).click();
        page.await("the overview highlights the affected cells",
                d -> intAttribute("overview-map", "data-highlighted") > 0);
        page.screenshot("alert-overview");

        int lanes = lanesMarkedBy(topology, expected);
        assertThat(lanes).as("engine lanes the alert names").isPositive();
        page.driver().findElement(testId("nav-optics")).click();
        page.await("the optics map highlights the " + lanes + " affected lanes",
                d -> intAttribute("optics-map", "data-highlighted") == lanes);
        page.screenshot("alert-optics");
    }

    @Test
    void choosingALaserHighlightsExactlyTheLanesItLights() {
        JsonObject topology = page.api("/api/topology");
        String laser = laserAt(topology, 5);
        int lights = laserLights(topology, laser);
        List<String> lanes = lanesOf(page.api("/api/laser?id=" + LiveDemoPage.encode(laser)));
        assertThat(lanes).as("lanes /api/laser lists for " + laser).hasSize(lights).doesNotHaveDuplicates();
        assertThat(lanes).as("each lane's own sensors name its laser")
                .allSatisfy(lane -> assertThat(laserOfLane(lane)).contains(laser));

        page.open("#/optics");
        page.await("the laser chooser offers " + laser + " and takes it", d -> {
            new Select(d.findElement(testId("laser-select"))).selectByValue(laser);
            return true;
        });
        Set<String> shown = page.await("the blast radius lists the laser's lanes",
                d -> Optional.of(blastRadiusLanes()).filter(new TreeSet<>(lanes)::equals).orElse(null));
        page.await("the optics map highlights " + lights + " lanes",
                d -> intAttribute("optics-map", "data-highlighted") == lights);
        page.screenshot("blast-radius");

        assertThat(shown).containsExactlyInAnyOrderElementsOf(lanes);
        assertThat(intAttribute("optics-map", "data-highlighted")).isEqualTo(lights);
    }

    @Test
    void theFleetViewListsTheSupernodeWithItsHealthAndMarksTheOneThisPageShows() {
        String supernode = page.api("/api/topology").getString("supernode");
        JsonObject fleet = page.api("/api/fleet");
        assertThat(fleet.getJsonArray("supernodes")).hasSize(1);
        page.open("#/fleet");
        var row = page.await("the fleet table lists " + supernode, d -> d.findElements(testId("fleet-row")).stream()
                .filter(r -> supernode.equals(r.getAttribute("data-supernode"))).findFirst().orElse(null));
        assertThat(page.driver().findElements(testId("fleet-row"))).hasSize(1);
        assertThat(row.findElements(testId("fleet-current"))).as("marked as the supernode this page shows").hasSize(1);
        assertThat(row.findElement(testId("fleet-health")).getText()).isNotBlank();
        assertThat(row.getAttribute("data-health")).isIn("ok", "warning", "alarm", "critical");
        page.screenshot("fleet");
    }

    @Test
    void aDeviceDrillDownDrawsAChart() {
        JsonArray gpus = page.api("/api/topology").getJsonArray("gpu");
        String gpu = gpus.getJsonObject(gpus.size() / 2).getString("id");
        page.open("#/device?id=" + LiveDemoPage.encode(gpu));
        page.await("the device view is shown",
                d -> "true".equals(d.findElement(testId("view-device")).getAttribute("data-active")));
        page.await("a chart has points", d -> this.<Long>chartProbe("points") > 0);
        long inked = page.await("a chart's canvas has something drawn on it",
                d -> Optional.of(this.<Long>chartProbe("inked")).filter(n -> n > 200).orElse(null));
        page.screenshot("device-chart");

        assertThat(inked).isGreaterThan(200);
    }

    // --- what the page shows

    private static String text(String testId) {
        return page.driver().findElement(testId(testId)).getText().trim();
    }

    private static int intAttribute(String testId, String attribute) {
        String value = page.driver().findElement(testId(testId)).getAttribute(attribute);
        return value == null || value.isBlank() ? -1 : Integer.parseInt(value.trim());
    }

    /**
     * GPU id → the text its overview cell shows, for the cells that show a number (not a placeholder for a
     * missing value), read in one go so that a re-render cannot split it.
     */
    private static Map<String, String> overviewValues() {
        List<List<String>> pairs = page.js("return Array.from(document.querySelectorAll(\"[data-testid='overview-value']\"))"
                + ".map(e => [e.getAttribute('data-id'), e.textContent.trim()])");
        return pairs.stream().filter(p -> NUMBER.matcher(p.get(1)).find())
                .collect(Collectors.toMap(p -> p.get(0), p -> p.get(1), (a, b) -> a));
    }

    private static Set<String> highlightList() {
        return attributeSet("[data-testid='highlight-list'] li[data-id]", "data-id");
    }

    private static Set<String> blastRadiusLanes() {
        return attributeSet("[data-testid='blast-radius'] li[data-lane]", "data-lane");
    }

    private static Set<String> attributeSet(String selector, String attribute) {
        List<String> values = page.js("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.getAttribute(arguments[1]))", selector, attribute);
        return new TreeSet<>(values);
    }

    /** Whether the row of alert {@code alertId} shows {@code lane} as its root cause. */
    private static boolean rowNamesRootCause(String alertId, String lane) {
        String shown = page.js("const r = document.querySelector(arguments[0]);"
                + " const c = r && r.querySelector(\"[data-testid='alert-root-cause']\");"
                + " return c ? c.textContent : '';", alertRowSelector(alertId));
        // "els0#1" must not match "els0#10".
        return Pattern.compile(Pattern.quote(lane) + "(?![0-9])").matcher(shown).find();
    }

    private static String alertRowSelector(String alertId) {
        return "[data-testid='alert-row'][data-alert-id='" + alertId.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /**
     * Probes the first chart with points: {@code points} is its {@code data-points}; {@code inked} counts the
     * pixels of its canvas that differ from the canvas's corner pixel (the background), -1 without a canvas.
     */
    private <T> T chartProbe(String what) {
        return page.js("""
                const charts = Array.from(document.querySelectorAll("[data-testid='device-chart']"));
                const chart = charts.find(c => Number(c.getAttribute('data-points')) > 0);
                if (!chart) return 0;
                if (arguments[0] === 'points') return Number(chart.getAttribute('data-points'));
                const canvas = chart.querySelector('canvas');
                if (!canvas || canvas.width === 0 || canvas.height === 0) return -1;
                const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let inked = 0;
                for (let i = 0; i < px.length; i += 4) {
                  if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2] || px[i + 3] !== px[3]) inked++;
                }
                return inked;
                """, what);
    }

    // --- what the API says

    /** The {@code index}-th laser of the topology (clamped), one that lights lanes. */
    private static String laserAt(JsonObject topology, int index) {
        List<JsonObject> lit = topology.getJsonArray("laser").stream().map(JsonObject.class::cast)
                .filter(l -> l.getInteger("lights", 0) > 0).toList();
        assertThat(lit).as("lasers that light lanes in /api/topology").isNotEmpty();
        return lit.get(Math.min(index, lit.size() - 1)).getString("id");
    }

    private static int laserLights(JsonObject topology, String laser) {
        return topology.getJsonArray("laser").stream().map(JsonObject.class::cast)
                .filter(l -> laser.equals(l.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(laser + " is not in /api/topology")).getInteger("lights");
    }

    /**
     * How many engine lanes the optics map marks for {@code ids}: a lane itself, an engine all its lanes, a GPU
     * or switch the lanes of its engines; anything else (a laser, a CDU) none.
     */
    private static int lanesMarkedBy(JsonObject topology, Set<String> ids) {
        Set<String> lanes = new TreeSet<>();
        for (Object o : topology.getJsonArray("oe")) {
            JsonObject engine = (JsonObject) o;
            String id = engine.getString("id");
            for (int n = 0; n < engine.getInteger("lanes"); n++) {
                String lane = id + "#" + n;
                if (ids.contains(lane) || ids.contains(id) || ids.contains(engine.getString("host"))) {
                    lanes.add(lane);
                }
            }
        }
        return lanes.size();
    }

    private static List<String> lanesOf(JsonObject radius) {
        return radius.getJsonArray("lanes").stream().map(String.class::cast).toList();
    }

    /** The laser that the engine's own sensors say lights {@code lane} ({@code ENGINE#N}). */
    private static Optional<String> laserOfLane(String lane) {
        int hash = lane.lastIndexOf('#');
        String engine = lane.substring(0, hash);
        int number = Integer.parseInt(lane.substring(hash + 1));
        return page.api("/api/device?id=" + LiveDemoPage.encode(engine)).getJsonArray("sensors").stream()
                .map(JsonObject.class::cast)
                .filter(s -> Objects.equals(s.getInteger("lane"), number) && s.getString("laser") != null)
                .map(s -> s.getString("laser")).findFirst();
    }

    /** Kills {@code laser} now (fault F3) through the demo's fault endpoint. */
    private static void inject(String laser) {
        JsonObject fault = new JsonObject().put("fault", "F3").put("target", laser);
        HttpResponse<String> r = page.post("/api/demo/faults", fault);
        assertThat(r.statusCode()).as("POST /api/demo/faults %s answered %s", fault.encode(), r.body()).isEqualTo(202);
        System.out.printf("injected %s at %s%n", fault.encode(), Instant.now());
    }

    /** The firing alert {@code /api/alerts} serves with root cause {@code lane}, if there is one. */
    private static Optional<JsonObject> firingAlertRootedAt(String lane) {
        return page.api("/api/alerts").getJsonArray("firing").stream().map(JsonObject.class::cast)
                .filter(e -> lane.equals(rootCause(e))).findFirst();
    }

    private static String rootCause(JsonObject alert) {
        JsonObject cause = alert.getJsonObject("rootCause");
        Integer lane = cause.getInteger("lane");
        return cause.getString("device") + (lane == null ? "" : "#" + lane);
    }

    private static <K, V> Map<K, V> nonEmpty(Map<K, V> map) {
        return map.isEmpty() ? null : map;
    }

    private static boolean changed(Map<String, String> before, Map<String, String> now) {
        return before.entrySet().stream().anyMatch(e -> now.containsKey(e.getKey())
                && !now.get(e.getKey()).equals(e.getValue()));
    }
}
