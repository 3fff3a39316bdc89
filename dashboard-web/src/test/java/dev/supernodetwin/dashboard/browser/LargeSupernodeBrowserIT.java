package dev.supernodetwin.dashboard.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.supernodetwin.dashboard.browser.LiveDemoPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview of the largest preset ({@code oio-1024}) in headless Chromium: it draws every cell and keeps
 * producing frames while live updates arrive. Frame intervals and render times are measured in the browser
 * and written to {@code target/browser-screenshots/frame-time.txt}; they are reported, not asserted.
 */
class LargeSupernodeBrowserIT {
    private static final String PRESET = "oio-1024";
    private static final int MEASURE_MS = 10_000;

    @RegisterExtension
    static final LiveDemoPage page = new LiveDemoPage("--preset", PRESET);

    @Test
    void theOverviewOfOio1024DrawsEveryCellAndStaysResponsiveUnderLiveUpdates() throws IOException {
        JsonObject topology = page.api("/api/topology");
        int cells = size(topology, "gpu") + size(topology, "switch") + size(topology, "oe");
        page.open("#/overview");
        page.await("the stream is live", d -> d.findElement(testId("conn")).getText().trim().equals("live"));
        page.await("the overview draws " + cells + " cells (GPUs + switches + engines)",
                d -> String.valueOf(cells).equals(d.findElement(testId("overview-map")).getAttribute("data-cells")));
        page.screenshot("overview");

        FrameTimes measured = measure();
        page.screenshot("overview-after-measuring");
        String report = measured.report(PRESET, cells);
        System.out.print(report);
        Files.writeString(LiveDemoPage.ARTEFACTS.resolve("frame-time.txt"), report);

        assertThat(measured.frameIntervalsMs()).as("animation frames in %d ms", MEASURE_MS).hasSizeGreaterThan(20);
        assertThat(measured.framesShown()).as("distinct values of the header's frame counter").isGreaterThan(3);
        assertThat(measured.renderMs()).as("overview renders while measuring").hasSizeGreaterThan(1);
    }

    /**
     * Runs a requestAnimationFrame loop in the page for {@link #MEASURE_MS}, collecting the interval between
     * frames, every {@code data-render-ms} the overview sets (watched with a MutationObserver) and the distinct
     * values of the header's frame counter.
     */
    private FrameTimes measure() {
        Map<String, Object> r = page.jsAsync("""
                const done = arguments[arguments.length - 1], duration = arguments[0];
                const map = document.querySelector("[data-testid='overview-map']");
                const frames = document.querySelector("[data-testid='frames']");
                const intervals = [], renders = [], shown = new Set();
                const observer = new MutationObserver(records => records.forEach(() =>
                    renders.push(Number(map.getAttribute('data-render-ms')))));
                observer.observe(map, {attributes: true, attributeFilter: ['data-render-ms']});
                let start = null, last = null;
                function step(ts) {
                  if (start === null) start = ts; else intervals.push(ts - last);
                  last = ts;
                  shown.add(frames.textContent);
                  if (ts - start < duration) { requestAnimationFrame(step); return; }
                  observer.disconnect();
                  done({intervals: intervals, renders: renders.filter(x => !Number.isNaN(x)), shown: shown.size});
                }
                requestAnimationFrame(step);
                """, MEASURE_MS);
        return new FrameTimes(numbers(r.get("intervals")), numbers(r.get("renders")), ((Number) r.get("shown")).intValue());
    }

    private static List<Double> numbers(Object list) {
        return ((List<?>) list).stream().map(n -> ((Number) n).doubleValue()).toList();
    }

    private static int size(JsonObject topology, String section) {
        JsonArray devices = topology.getJsonArray(section);
        return devices == null ? 0 : devices.size();
    }

    /** What the browser measured: frame intervals and render times in ms, and how many frame counts it showed. */
    record FrameTimes(List<Double> frameIntervalsMs, List<Double> renderMs, int framesShown) {
        String report(String preset, int cells) {
            return String.format("""
                    overview of %s (%d cells) in headless Chromium, %d ms while live updates arrive, at %s
                    frame interval ms: %s
                    render ms (data-render-ms): %s
                    header frame counter showed %d distinct values
                    """, preset, cells, MEASURE_MS, Instant.now(), summary(frameIntervalsMs), summary(renderMs),
                    framesShown);
        }

        private static String summary(List<Double> xs) {
            if (xs.isEmpty()) {
                return "no samples";
            }
            List<Double> sorted = xs.stream().sorted().toList();
            return String.format("n=%d p50=%.1f p95=%.1f max=%.1f", sorted.size(), quantile(sorted, 0.50),
                    quantile(sorted, 0.95), sorted.get(sorted.size() - 1));
        }

        private static double quantile(List<Double> sorted, double q) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
        }
    }
}
