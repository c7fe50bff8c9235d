package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (nothing is downloaded), a new profile
 * each time, with the axe-core check the npm build installed.
 */
final class Browser implements AutoCloseable {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");

    final WebDriver driver;

    Browser() {
        assertThat(CHROMIUM).as("Debian's chromium: apt-get install chromium chromium-driver (bash .ci/run does)")
                .canRead();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver: apt-get install chromium-driver").canRead();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The console, where Chromium reports what the Content-Security-Policy refused.
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--lang=fr-FR", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("agir-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
    }

    /** Signs in on the local sign-in page (checked with axe-core too) and waits for the home page. */
    void signIn(String baseUrl, String user, String password) {
        driver.get(baseUrl + "/login");
        assertAccessible();
        type("Identifiant", user);
        type("Mot de passe", password);
        find(By.cssSelector("button[type=submit]")).click();
        await(d -> d.getTitle().startsWith("Accueil"));
    }

    /** Waits for the condition; on timeout, fails with the page's address and text to say why. */
    <T> T await(Function<WebDriver, T> condition) {
        try {
            // A form posted replaces the page: an element read from the old one is stale, not a failure — look
            // again. Chromedriver sometimes says so as "Node … does not belong to the document" instead.
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                        try {
                            return condition.apply(d);
                        } catch (org.openqa.selenium.WebDriverException e) {
                            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                                return null;
                            }
                            throw e;
                        }
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited in vain on " + driver.getCurrentUrl() + ":\n" + text(), e);
        }
    }

    WebElement find(By by) {
        return await(d -> d.findElement(by));
    }

    /** The input a visible label names (label text starting with {@code label}). */
    WebElement fieldLabelled(String label) {
        WebElement element = await(d -> d.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().strip().startsWith(label)).findFirst().orElse(null));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    void type(String label, String text) {
        WebElement field = fieldLabelled(label);
        field.clear();
        field.sendKeys(text);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and returns its serious and
     * critical violations, each with the elements concerned.
     */
    List<String> seriousAccessibilityViolations() {
        try {
            ((JavascriptExecutor) driver).executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by the npm build (mvn generate-resources)", e);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    /** Fails with the violations listed when the page has any serious or critical one. */
    void assertAccessible() {
        assertThat(seriousAccessibilityViolations()).as("axe-core on %s", driver.getCurrentUrl()).isEmpty();
    }

    /**
     * What the Content-Security-Policy refused (a script, a style, an image, a form's target…) since the
     * last look, on this page and those before it, as Chromium's console reports it.
     */
    List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    void assertNoContentSecurityPolicyViolation() {
        assertThat(contentSecurityPolicyViolations()).as("CSP violations up to %s", driver.getCurrentUrl()).isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
