package fr.agir.api;

import org.junit.jupiter.api.AfterEach;

/** Base of the browser journeys: one Chromium session at a time, signed in as a demo account, closed after each test. */
abstract class BrowserTestSupport extends ApiTestSupport {
    protected Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    protected String url(String path) {
        return http.getRootUri() + path;
    }

    /** A new browser profile (signed out of everything), signed in as {@code user}. */
    protected void signIn(String user) {
        closeBrowser();
        browser = new Browser();
        browser.signIn(http.getRootUri(), user, PASSWORD);
    }
}
