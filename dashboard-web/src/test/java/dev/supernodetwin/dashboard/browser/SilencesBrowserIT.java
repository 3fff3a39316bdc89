package dev.supernodetwin.dashboard.browser;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.supernodetwin.dashboard.browser.LiveDemoPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silencing from the page in headless Chromium: a dead laser's alert is silenced from its row, the row is
 * marked, the Silences tab lists the silence and expires it, and the History tab shows both changes.
 */
class SilencesBrowserIT {
    private static final Path STATE = Path.of("target", "browser-state-" + UUID.randomUUID());

    @RegisterExtension
    static final LiveDemoPage page = new LiveDemoPage("--state-dir", STATE.toString());

    @Test
    void anAlertSilencedFromItsRowIsMarkedListedExpiredAndInHistory() {
        String laser = "sn01/t03/els0#1";
        JsonObject fault = new JsonObject().put("fault", "F3").put("target", laser);
        HttpResponse<String> r = page.post("/api/demo/faults", fault);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        page.open("#/alerts");
        WebElement row = page.await("the dead laser's alert row offers a silence action", d -> rowRootedAt(laser)
                .filter(e -> !e.findElements(testId("alert-silence")).isEmpty()).orElse(null));
        row.findElement(testId("alert-silence")).click();
        new Select(row.findElement(testId("silence-duration"))).selectByValue("1h");
        row.findElement(testId("silence-comment")).sendKeys("replacing the laser");
        row.findElement(testId("silence-create")).click();
        WebElement mark = page.await("the row is marked silenced", d -> rowRootedAt(laser)
                .flatMap(e -> e.findElements(testId("alert-silenced")).stream().findFirst()).orElse(null));
        assertThat(mark.getText()).contains(laser);
        page.screenshot("alert-silenced");

        page.driver().findElement(testId("alerts-tab-silences")).click();
        WebElement silence = page.await("the Silences tab lists the active silence", d -> silenceRow(laser)
                .filter(e -> "active".equals(e.getAttribute("data-status"))).orElse(null));
        assertThat(silence.getText()).contains("replacing the laser").contains("covers");
        silence.findElement(testId("silence-expire")).click();
        page.await("the silence shows as expired", d -> silenceRow(laser)
                .filter(e -> "expired".equals(e.getAttribute("data-status"))).orElse(null));
        page.screenshot("silence-expired");

        page.driver().findElement(testId("alerts-tab-history")).click();
        List<String> states = page.await("the History tab shows the silence and its end", d -> {
            List<String> s = d.findElements(testId("history-row")).stream().map(e -> e.getAttribute("data-state")).toList();
            return s.contains("silenced") && s.contains("unsilenced") && s.contains("firing") ? s : null;
        });
        assertThat(states.indexOf("unsilenced")).isLessThan(states.indexOf("silenced"));
    }

    private static Optional<WebElement> rowRootedAt(String lane) {
        return page.driver().findElements(testId("alert-row")).stream()
                .filter(e -> e.findElements(testId("alert-root-cause")).stream()
                        .anyMatch(c -> lane.equals(c.getAttribute("data-id"))))
                .findFirst();
    }

    private static Optional<WebElement> silenceRow(String target) {
        return page.driver().findElements(testId("silence-row")).stream()
                .filter(e -> e.findElements(By.cssSelector("[data-testid=\"silence-target\"]")).stream()
                        .anyMatch(t -> t.getText().contains(target)))
                .findFirst();
    }
}
