package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The current page at the two widths the pages are checked at: 1366 px (a desk) and 375 px (a phone).
 * At each, axe-core finds no serious violation; at 375 px nothing is wider than the screen, except
 * inside a scrolling region ({@code .tableau-defilant}), which scrolls alone. Nothing on the page,
 * nor on those before it, was refused by the Content-Security-Policy.
 */
final class NarrowScreen {
    private NarrowScreen() {
    }

    static void assertAccessibleAtBothWidths(Browser browser) {
        browser.assertNoContentSecurityPolicyViolation();
        resize(browser, 1366);
        browser.assertAccessible();
        screenshot(browser, 1366);
        resize(browser, 375);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        long page = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(page).as("width of %s at %d px", browser.driver.getCurrentUrl(), viewport).isLessThanOrEqualTo(viewport);
        browser.assertAccessible();
        screenshot(browser, 375);
        resize(browser, 1366);
        browser.assertNoContentSecurityPolicyViolation();
    }

    /** With AGIR_SCREENSHOTS=<folder>, the whole page as a PNG, to look at the pages a journey went through. */
    private static void screenshot(Browser browser, int width) {
        String folder = System.getenv("AGIR_SCREENSHOTS");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Map<String, Object> shot = ((ChromeDriver) browser.driver).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        String name = browser.driver.getCurrentUrl().replaceFirst("^https?://[^/]+/", "").replaceAll("[^A-Za-z0-9]+", "-");
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(folder));
            java.nio.file.Files.write(dir.resolve(String.format("%03d-%s-%d.png", ++shots, name, width)),
                    java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int shots;

    /** The page laid out at that width, as a phone's browser does (Chrome's device emulation). */
    private static void resize(Browser browser, int width) {
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
        browser.await(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.clientWidth")).longValue() <= width);
    }
}
