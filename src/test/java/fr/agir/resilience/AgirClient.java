package fr.agir.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Agir's HTTP API as a client in another process sees it: JSON, the demo accounts by HTTP Basic
 * (password {@code agir-demo}), no session kept.
 */
final class AgirClient {
    static final String PASSWORD = "agir-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final String node;
    private final String base;

    AgirClient(String node, String base) {
        this.node = node;
        this.base = base;
    }

    record Answer(int status, String body) {
        Map<String, Object> json() {
            return read(body, new TypeReference<>() {
            });
        }

        List<Map<String, Object>> list() {
            return read(body, new TypeReference<>() {
            });
        }
    }

    Answer call(String user, String method, String path, Object body) {
        HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write(body)));
        return send(request.build());
    }

    Map<String, Object> post(String user, String path, Object body) {
        Answer answer = call(user, "POST", path, body);
        assertThat(answer.status()).as("POST %s by %s on %s: %s", path, user, node, answer.body()).isBetween(200, 299);
        return answer.body().isBlank() ? Map.of() : answer.json();
    }

    Map<String, Object> get(String user, String path) {
        Answer answer = call(user, "GET", path, null);
        assertThat(answer.status()).as("GET %s by %s on %s: %s", path, user, node, answer.body()).isEqualTo(200);
        return answer.json();
    }

    List<Map<String, Object>> list(String user, String path) {
        Answer answer = call(user, "GET", path, null);
        assertThat(answer.status()).as("GET %s by %s on %s: %s", path, user, node, answer.body()).isEqualTo(200);
        return answer.list();
    }

    /** A piece of the case file, sent as the portal's form sends it (multipart, one file). */
    void upload(String user, String path, String type, String fileName, byte[] content) {
        String boundary = "agir" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Answer answer = send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
        assertThat(answer.status()).as("upload of %s on %s: %s", type, node, answer.body()).isEqualTo(201);
    }

    /** A multipart POST: text fields, then one file named "file". */
    Answer multipart(String user, String path, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "agir" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
