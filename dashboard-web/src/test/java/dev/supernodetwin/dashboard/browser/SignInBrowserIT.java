package dev.supernodetwin.dashboard.browser;

import dev.supernodetwin.dashboard.auth.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.supernodetwin.dashboard.browser.LiveDemoPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of a demo with users, in Chromium: it asks to sign in, a wrong password says so, a viewer sees
 * the live stream (the WebSocket rides on the session cookie) but a disabled acknowledge button, and an
 * operator acknowledges through the page (its CSRF token accepted).
 */
class SignInBrowserIT {
    static final Path DIR = folder();
    private static final By ACK = By.cssSelector(
            "[data-testid='alert-row'][data-state='firing'] button[data-testid='alert-ack']");

    @RegisterExtension
    static final LiveDemoPage page = new LiveDemoPage("--users", write(DIR).toString(), "--scenario",
            scenario(DIR).toString());

    @Test
    void aViewerSeesButMayNotAcknowledgeAndAnOperatorMay() {
        page.open("#/alerts");
        signIn("view", "wrong");
        page.await("the form says the login failed", d -> !text("login-error").isEmpty());
        assertThat(text("login-error")).isEqualTo("the user name or the password is wrong");
        signIn("view", TestUsers.password("view"));
        page.await("the stream is live for the viewer", d -> text("conn").equals("live"));
        assertThat(text("whoami-user")).isEqualTo("view");
        // Rows are drawn again as alerts change: each check reads one fresh element.
        String title = page.await("a firing alert whose acknowledge button is disabled for the viewer", d -> {
            WebElement ack = d.findElement(ACK);
            return ack.isEnabled() ? null : ack.getAttribute("title");
        });
        assertThat(title).contains("needs the operator role");
        page.screenshot("viewer");

        page.driver().findElement(testId("logout")).click();
        page.await("the page asks to sign in again", d -> d.findElement(testId("login-form")).isDisplayed());
        signIn("op", TestUsers.password("op"));
        page.await("the operator's acknowledge button is enabled, and clicked", d -> {
            WebElement ack = d.findElement(ACK);
            if (!ack.isEnabled()) {
                return false;
            }
            ack.click();
            return true;
        });
        page.await("the alert is acknowledged by op", d -> d.findElements(By.cssSelector(
                "[data-testid='alert-row'] span[data-testid='alert-ack']")).stream()
                .anyMatch(e -> e.getText().startsWith("acknowledged by op ")));
        page.screenshot("operator-acknowledged");
    }

    private static void signIn(String user, String password) {
        page.await("the login form is shown", d -> d.findElement(testId("login-form")).isDisplayed());
        WebElement name = page.driver().findElement(testId("login-user"));
        WebElement secret = page.driver().findElement(testId("login-password"));
        name.clear();
        name.sendKeys(user);
        secret.clear();
        secret.sendKeys(password);
        page.driver().findElement(testId("login-submit")).click();
    }

    private static String text(String testId) {
        return page.driver().findElement(testId(testId)).getText().trim();
    }

    private static Path folder() {
        try {
            Path dir = Files.createTempDirectory("sign-in-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path dir) {
        try {
            Path users = TestUsers.write(dir);
            users.toFile().deleteOnExit();
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A laser dies a few seconds in, so there is an alert to acknowledge. */
    private static Path scenario(Path dir) {
        try {
            Path file = Files.writeString(dir.resolve("scenario.yaml"),
                    "faults:\n  - {fault: F3, target: 'sn01/t01/els0#0', onset: 3s, duration: 30m}\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
