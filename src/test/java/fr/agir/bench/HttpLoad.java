package fr.agir.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop HTTP load generator: N virtual users, each signed in through the login form as
 * a browser is (session cookie, CSRF token read from a page), sending requests back to back.
 * Latency is measured around each exchange (request written to body read); percentiles are exact
 * (all samples kept and sorted), not estimated.
 */
final class HttpLoad {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"");
    static final String PASSWORD = "agir-demo";

    private final String base;
    private final HttpClient client;
    private volatile long startNanos;

    HttpLoad(int port) {
        base = "http://127.0.0.1:" + port;
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A signed-in browser session: its cookie and the CSRF header to send with API writes. */
    record Session(String cookie, String csrfHeader, String csrfToken) {
    }

    record Result(int requests, int errors, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }
    }

    Session signIn(String user) throws IOException, InterruptedException {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookieOf(login);
        String form = "username=" + enc(user) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(find(CSRF, login.body()));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + signedIn.statusCode());
        }
        cookie = cookieOf(signedIn);
        HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", cookie)
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher header = CSRF_HEADER.matcher(home.body());
        return new Session(cookie, header.find() ? header.group(1) : "X-CSRF-TOKEN", find(CSRF, home.body()));
    }

    HttpRequest post(Session session, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", session.cookie()).header(session.csrfHeader(), session.csrfToken())
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    HttpRequest get(Session session, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", session.cookie()).header("Accept", "application/json").GET().build();
    }

    /** A page as the browser asks for it (HTML). */
    HttpRequest page(Session session, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", session.cookie()).header("Accept", "text/html").GET().build();
    }

    /** A JSON write (PUT), as the portal's autosave sends it. */
    HttpRequest put(Session session, String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", session.cookie()).header(session.csrfHeader(), session.csrfToken())
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** The body of a GET (status 200 expected), for setting a measure up. */
    String body(Session session, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(get(session, path), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    /**
     * {@code total} requests shared by {@code users} virtual users signed in as {@code user}
     * (request i built by {@code request}), after {@code warmup} unmeasured requests per user.
     */
    Result run(String user, int users, int total, int warmup, RequestFactory request) throws Exception {
        return run(user, users, total, warmup, 0, request);
    }

    /**
     * As above; with {@code ratePerSecond > 0}, request i is due at start + i / rate (open loop: the
     * arrivals do not wait for the answers) and its latency counts from when it was due, so a
     * request that waits for a free user is counted as waiting (no coordinated omission).
     */
    Result run(String user, int users, int total, int warmup, double ratePerSecond, RequestFactory request)
            throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            sessions.add(signIn(user));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong firstError = new AtomicLong();
        long[] latencies = new long[total];
        CountDownLatch ready = new CountDownLatch(users);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<?>> done = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Session session = sessions.get(u);
            done.add(pool.submit(() -> {
                for (int w = 0; w < warmup; w++) {
                    send(request.build(session, -1 - w));
                }
                ready.countDown();
                go.await();
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    if (ratePerSecond > 0) {
                        long due = startNanos + (long) (i * 1e9 / ratePerSecond);
                        long wait = due - start;
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        start = due;
                    }
                    int status = send(request.build(session, i));
                    latencies[i] = System.nanoTime() - start;
                    if (status != 200) {
                        if (errors.incrementAndGet() == 1) {
                            firstError.set(status);
                        }
                    }
                }
                return null;
            }));
        }
        ready.await();
        startNanos = System.nanoTime();
        long start = startNanos;
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (errors.get() > 0) {
            System.err.println("[bench] " + errors.get() + " requests failed, first with HTTP " + firstError.get());
        }
        return new Result(total, errors.get(), seconds, latencies);
    }

    interface RequestFactory {
        /** Request number {@code i} (negative: a warm-up request). */
        HttpRequest build(Session session, int i);
    }

    static RequestFactory fixed(HttpLoad load, IntFunction<String> path) {
        return (session, i) -> load.get(session, path.apply(i));
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    private static String cookieOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";")[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie from " + response.uri()));
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
