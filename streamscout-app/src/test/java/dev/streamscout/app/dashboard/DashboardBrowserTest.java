package dev.streamscout.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.app.wiring.AllInOne;
import dev.streamscout.app.wiring.WiringFixtures;
import dev.streamscout.ingest.ChatPublisher;
import dev.streamscout.sim.HypeMoment;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against the demo wiring: channel tiles, a channel's
 * uPlot charts with live data, a detected moment in the moments list, and chat text that looks like
 * markup shown as text. Screenshots (desktop and phone width) go to {@code target/screenshots/}.
 */
class DashboardBrowserTest {

    /** Said in the hype's chat: it must come out as these characters, never as an element. */
    private static final String MARKUP = "<img src=x onerror=alert(1)>";
    /** After the demo's shortened 30 s warm-up, as in DemoEndToEndTest. */
    private static final Duration HYPE_AFTER = Duration.ofSeconds(40);
    private static final Duration HYPE_LENGTH = Duration.ofSeconds(20);
    /** The 30 s window can peak after the burst: keep saying the line a little longer. */
    private static final Duration SAY_AFTER_HYPE = Duration.ofSeconds(12);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The line colours charts.js draws the chat rate (#bf94ff) and viewers (#4fc3f7) in. */
    private static final int[] RATE_LINE = {0xbf, 0x94, 0xff};
    private static final int[] VIEWERS_LINE = {0x4f, 0xc3, 0xf7};

    @TempDir
    Path dataDir;
    @TempDir
    Path profileDir;

    private AllInOne app;
    private ChatTopicWriter chat;
    private HeadlessChromium browser;

    @BeforeEach
    void requireBrowser() {
        HeadlessChromium.requireInstalled();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (chat != null) {
            chat.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void showsChannelsChartsAndMomentsWithChatTextAsText() {
        // As DemoEndToEndTest: a short warm-up, and a threshold only a real burst reaches.
        app = AllInOne.startDemo(WiringFixtures.demo(dataDir),
                SimulatorSettings.defaults().withScheduleHypeMoments(false));
        SimChannel top = app.simulator().channels().get(0);
        HypeMoment hype = app.simulator().scheduleHype(top.login(), Instant.now().plus(HYPE_AFTER), HYPE_LENGTH, 15);
        chat = ChatTopicWriter.start(app.endpoints().kafkaBootstrapServers(), ChatPublisher.DEFAULT_TOPIC,
                top.id(), top.login(), MARKUP, hype.start(), hype.end().plus(SAY_AFTER_HYPE));
        browser = HeadlessChromium.start(profileDir);
        WebDriver page = browser.driver();
        String base = app.endpoints().api().toString().replaceAll("/$", "");

        page.get(base + "/");
        await(page, Duration.ofSeconds(60), "a tile for " + top.login(),
                () -> !page.findElements(By.cssSelector("a.tile[data-channel='" + top.id() + "']")).isEmpty());
        // The overview chart is on the first screen: a uPlot canvas, or its "no chat minutes yet" state
        // when the demo has not closed a minute of chat yet.
        await(page, Duration.ofSeconds(20), "the overview chart",
                () -> !page.findElements(By.cssSelector("#overview-chart canvas, #overview-chart .state")).isEmpty());
        browser.screenshot(SCREENSHOTS.resolve("channels-desktop.png"));

        page.findElement(By.cssSelector("a.tile[data-channel='" + top.id() + "']")).click();
        assertThat(page.getCurrentUrl()).endsWith("#/channel/" + top.login());
        // At most 5 points come from per-minute history; more are live seconds from the event stream.
        await(page, Duration.ofSeconds(60), "live seconds in the chat-rate chart",
                () -> points(page, ".chart.rate") >= 10 && points(page, ".chart.viewers") >= 1);
        await(page, Duration.ofSeconds(10), "both charts' lines on their canvases",
                () -> linePixels(page, ".chart.rate", RATE_LINE) > 50 && linePixels(page, ".chart.viewers", VIEWERS_LINE) > 50);
        assertThat(text(page, "#tile-rate")).matches("[0-9]+\\.[0-9]");

        await(page, Duration.ofSeconds(100), "a moment with the hype's chat in its samples", () ->
                page.findElements(By.cssSelector("#moments .samples li")).stream()
                        .map(WebElement::getText).anyMatch(text -> text.contains(MARKUP)));
        assertThat(page.findElements(By.cssSelector("#moments li.moment"))).isNotEmpty();
        assertThat(page.findElements(By.cssSelector("img[src='x']"))).as("chat markup became an element").isEmpty();
        assertThatThrownBy(() -> page.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(text(page, "#tile-viewers")).matches("[0-9,]+");
        browser.screenshot(SCREENSHOTS.resolve("channel-desktop.png"));

        browser.emulatePhone(390, 844);
        await(page, Duration.ofSeconds(5), "the layout to fit 390 px",
                () -> ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth")).intValue() <= 390);
        browser.screenshot(SCREENSHOTS.resolve("channel-phone.png"));
        page.get(base + "/#/");
        await(page, Duration.ofSeconds(20), "the tiles again", () -> !page.findElements(By.cssSelector("a.tile")).isEmpty());
        browser.screenshot(SCREENSHOTS.resolve("channels-phone.png"));
        assertThat(chat.published()).isPositive();

        // With the API gone the page says so and keeps retrying, instead of showing stale figures silently.
        chat.close();
        chat = null;
        app.close();
        app = null;
        await(page, Duration.ofSeconds(30), "the error state", () ->
                !page.findElements(By.cssSelector("#view .state.error")).isEmpty()
                        && List.of("reconnecting", "down").contains(
                                page.findElement(By.id("connection")).getDomAttribute("data-state")));
        assertThat(text(page, "#view .state.error")).contains("Could not load channels");
        browser.screenshot(SCREENSHOTS.resolve("api-down-phone.png"));
    }

    private static int points(WebDriver page, String css) {
        List<WebElement> found = page.findElements(By.cssSelector(css));
        String value = found.isEmpty() ? null : found.get(0).getDomAttribute("data-points");
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** How many pixels of a uPlot chart's canvas have the colour of its data line. */
    private static long linePixels(WebDriver page, String css, int[] rgb) {
        Object count = ((JavascriptExecutor) page).executeScript("""
                const canvas = document.querySelector(arguments[0] + ' canvas');
                if (!canvas || canvas.width === 0) return 0;
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let n = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (Math.abs(data[i] - arguments[1]) < 8 && Math.abs(data[i + 1] - arguments[2]) < 8
                      && Math.abs(data[i + 2] - arguments[3]) < 8 && data[i + 3] > 200) n++;
                }
                return n;""", css, rgb[0], rgb[1], rgb[2]);
        return ((Number) count).longValue();
    }

    private static String text(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText();
    }

    /** Waits for a condition; on timeout the page is saved as {@code failure.png} to show what it did show. */
    private void await(WebDriver page, Duration timeout, String what, BooleanSupplier done) {
        try {
            new WebDriverWait(page, timeout, Duration.ofMillis(500)).withMessage("waiting for " + what)
                    .until(driver -> done.getAsBoolean());
        } catch (TimeoutException e) {
            browser.screenshot(SCREENSHOTS.resolve("failure.png"));
            throw e;
        }
    }
}
