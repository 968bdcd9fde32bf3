package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A scrape of the service's {@code /actuator/prometheus} (the text format) and the sums the load
 * suites read from it: Hikari's pending and total connections, live threads, the heap in use, the
 * requests the service shed.
 *
 * @param lines the sample lines (comments dropped)
 */
record PrometheusText(List<String> lines) {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Parses the text format's sample lines. */
    static PrometheusText parse(String text) {
        return new PrometheusText(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
    }

    /** Scrapes a service. */
    static PrometheusText scrape(URI base) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("/actuator/prometheus answered " + answer.statusCode());
        }
        return parse(answer.body());
    }

    /**
     * The sum of every sample of a metric whose labels contain each of {@code labels} (written as in
     * the text, {@code area="heap"}), or NaN when there is none.
     */
    double sum(String metric, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : lines) {
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space).trim();
            if (!name.equals(metric)) {
                continue;
            }
            String labelText = brace >= 0 && brace < space ? line.substring(brace, line.indexOf('}', brace) + 1) : "";
            boolean matches = true;
            for (String label : labels) {
                matches &= labelText.contains(label);
            }
            if (matches) {
                try {
                    sum += Double.parseDouble(line.substring(space + 1).trim());
                    found = true;
                } catch (NumberFormatException notANumber) {
                    // a timestamped or malformed sample: not one of the gauges read here
                }
            }
        }
        return found ? sum : Double.NaN;
    }
}
